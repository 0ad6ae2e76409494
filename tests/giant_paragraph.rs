//! A paragraph of many screens is wrapped in chunks, on demand (`layout::chunks`). These
//! tests check that the chunked layout draws the lines of wrapping the paragraph whole
//! (with a line break at each chunk start, a sentence start every few kilobytes), in
//! whatever order its parts are reached, at several widths, CJK included; that the view
//! stays on the same text while estimated heights are corrected; and that jumps into
//! the middle and to the end land where they should.

use counterpoint::document::{Document, Metadata, sentences};
use counterpoint::layout::{Anchor, Layout, chunks, wrap};
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn english(bytes: usize) -> String {
    let sentences = [
        "The council claims that the new library costs too much.",
        "However, the figures from comparable towns show the opposite, and U.S. readers agree.",
        "Mr. Smith said so on Jan. 5 at the meeting.",
        "Supercalifragilisticexpialidocious words must break somewhere when the column is narrow.",
        "Why?",
    ];
    let mut text = String::new();
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(sentences[k % sentences.len()]);
        text.push(' ');
        k += 7;
    }
    text.trim_end().to_string()
}

fn chinese(bytes: usize) -> String {
    let sentence = "这是一个关于城市交通的测试句子，我们认为它很重要。";
    sentence.repeat(bytes / sentence.len() + 1)
}

/// Latin, CJK, emoji and combining marks, with and without spaces.
fn mixed(bytes: usize) -> String {
    let pieces = [
        "Le café est fermé. ",
        "日本語の文章です。",
        "Emoji 👍🏽 and ☺\u{fe0f} count double! ",
        "e\u{301}e\u{301}e\u{301} combining. ",
        "averyveryverylongwordwithoutanyspaceatallthatgoesonandon",
        " ",
    ];
    let mut text = String::new();
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(pieces[k % pieces.len()]);
        k += 1;
    }
    text.trim_end().to_string()
}

/// What wrapping the paragraph whole draws: one call to the wrapper over the whole text,
/// with a line break where each chunk starts.
fn whole_lines(text: &str, width: usize) -> Vec<String> {
    let bounds = chunks::bounds(text, &sentences::split(text).into());
    let mut broken = String::with_capacity(text.len() + bounds.len());
    for pair in bounds.windows(2) {
        if pair[0] > 0 {
            broken.push('\n');
        }
        broken.push_str(text[pair[0]..pair[1]].trim_end());
    }
    wrap::wrap(&broken, width)
        .into_iter()
        .map(|line| broken[line].to_string())
        .collect()
}

/// The lines a layout of the one-paragraph `doc` draws at `width`, after reaching its
/// rows in `order` (fractions of the paragraph: jumps into it, as `G`, search and marks
/// do, each followed by a screen of rows).
fn chunked_lines(doc: &Document, width: usize, order: &[f64]) -> Vec<String> {
    let mut layout = Layout::new(doc, width);
    let block = layout.block_of_paragraph(0);
    let text = doc.paragraph_text(0);
    for &share in order {
        let offset = ((text.len() as f64 * share) as usize).min(text.len());
        let row = layout.row_of_offset(doc, block, offset);
        let top = layout.clamp_top(doc, Anchor { block, row }, 40);
        layout.ensure_rows(doc, top, 40);
    }
    layout.ensure(doc, block);
    layout
        .block_lines(block)
        .expect("wrapped")
        .into_iter()
        .map(|line| text[line].to_string())
        .collect()
}

fn one_paragraph(text: &str) -> Document {
    Document::from_paragraphs(Metadata::default(), &[text])
}

#[test]
fn chunked_wrapping_draws_the_lines_of_the_whole_paragraph() {
    for text in [english(200_000), chinese(120_000), mixed(150_000)] {
        let doc = one_paragraph(&text);
        assert!(text.len() > chunks::CHUNKED_ABOVE);
        for width in [1, 7, 20, 33, 78, 119] {
            let expected = whole_lines(&text, width);
            // In reading order, from the end backwards, and jumping about.
            for order in [&[0.0][..], &[1.0, 0.5], &[0.7, 0.1, 0.93, 0.35]] {
                let drawn = chunked_lines(&doc, width, order);
                assert_eq!(
                    drawn.len(),
                    expected.len(),
                    "width {width}, order {order:?}"
                );
                assert!(drawn == expected, "width {width}, order {order:?}");
            }
        }
    }
}

fn terminal(app: &App) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap()
}

fn screen(app: &App, terminal: &mut Terminal<TestBackend>) -> String {
    terminal
        .draw(|frame| render(app, frame.buffer_mut()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of the top row of the reading pane (the row's line, as the layout has it).
fn top_line(app: &App) -> String {
    let text = app.doc.paragraph_text(0);
    let line = app
        .layout
        .line(app.top.block, app.top.row)
        .expect("top row drawn");
    text[line].to_string()
}

#[test]
fn the_view_stays_on_its_text_while_chunks_before_it_are_wrapped() {
    let mut text = english(3_000_000);
    text.push_str(" A closing sentence with the word farewell.");
    let doc = one_paragraph(&text);
    let mut app = App::new(doc, "giant.txt".into(), Maps::default(), (100, 40));
    let mut terminal = terminal(&app);
    // Into the middle without wrapping what is before it (a search, a mark).
    let middle = text.len() / 2;
    app.layout.ensure_rows(&app.doc, app.top, 40);
    let block = app.layout.block_of_paragraph(0);
    let row = app.layout.row_of_offset(&app.doc, block, middle);
    app.top = Anchor { block, row };
    update(&mut app, Action::Down);
    let line = top_line(&app);
    let (chunk_count, wrapped) = app.layout.chunk_counts(block);
    assert!(
        chunk_count > 300 && wrapped <= 4,
        "{wrapped} of {chunk_count} chunks wrapped"
    );
    // Scrolling up wraps the chunks before it, whose estimated heights were wrong.
    for _ in 0..30 {
        update(&mut app, Action::PageUp);
    }
    for _ in 0..30 {
        update(&mut app, Action::PageDown);
    }
    assert_eq!(top_line(&app), line);
    // A resize there and back keeps the same text at the top (within its chunk).
    update(&mut app, Action::Resize(61, 40));
    update(&mut app, Action::Resize(100, 40));
    let after = top_line(&app);
    let position = |l: &str| text.find(l).unwrap_or(0) as i64;
    assert!(
        (position(&after) - position(&line)).abs() < 2_000,
        "{line:?} / {after:?}"
    );
    // `G` shows the last sentence; `g` the first; neither wraps the whole paragraph.
    update(&mut app, Action::Bottom);
    assert!(screen(&app, &mut terminal).contains("farewell"));
    update(&mut app, Action::Top);
    assert!(screen(&app, &mut terminal).contains("The council claims"));
    let (_, wrapped) = app.layout.chunk_counts(block);
    assert!(
        wrapped < chunk_count / 4,
        "{wrapped} of {chunk_count} chunks wrapped"
    );
}

#[test]
fn a_search_lands_in_the_middle_of_a_giant_paragraph() {
    let mut text = english(2_000_000);
    let middle = text[..text.len() / 2].rfind(". ").unwrap() + 2;
    text.insert_str(middle, "Needlework is the rare word here. ");
    let doc = one_paragraph(&text);
    let mut app = App::new(doc, "giant.txt".into(), Maps::default(), (100, 30));
    let mut terminal = terminal(&app);
    update(&mut app, Action::SearchForward);
    for c in "needlework".chars() {
        update(
            &mut app,
            Action::Text(counterpoint::ui::action::TextKey::Char(c)),
        );
    }
    update(
        &mut app,
        Action::Text(counterpoint::ui::action::TextKey::Submit),
    );
    let shown = screen(&app, &mut terminal);
    assert!(shown.contains("Needlework is the rare"), "{shown}");
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x0019_0019),
        ..ProptestConfig::default()
    }
}

/// Words that stress wrapping: short and long, CJK, emoji, combining marks, sentence
/// ends, runs of spaces.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z]{1,10}",
        2 => "[a-z]{1,8}[.!?] [A-Z][a-z]{0,6}",
        1 => "[a-z]{20,60}",
        2 => "[\u{4e00}-\u{4e80}]{1,30}。?",
        1 => Just("👍🏽".to_string()),
        1 => Just("e\u{301}".to_string()),
        1 => Just("  ".to_string()),
    ]
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn chunked_lines_match_whole_lines_for_random_text(
        words in prop::collection::vec(word(), 4_000..9_000),
        width in 1usize..130,
        order in prop::collection::vec(0.0f64..=1.0, 1..5),
    ) {
        let text = words.join(" ");
        let text = text.trim();
        prop_assume!(text.len() > chunks::CHUNKED_ABOVE);
        let doc = one_paragraph(text);
        let text = doc.paragraph_text(0).to_string();
        let drawn = chunked_lines(&doc, width, &order);
        prop_assert_eq!(&drawn, &whole_lines(&text, width));
        for line in &drawn {
            prop_assert!(line.width() <= width || line.graphemes(true).count() == 1);
        }
    }
}
