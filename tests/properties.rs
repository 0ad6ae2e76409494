//! Property tests: random documents (ASCII, CJK, emoji, combining marks, long words, deep
//! lists, code) × random action sequences (every `Action` variant, mouse at random cells,
//! resizes down to 1×1) applied with `ui::update` and drawn with `ui::render::render` after
//! every step. Seeded and without failure files, so a run is repeatable.

use counterpoint::argument::{ArgumentMap, ClaimKind, Item, Origin};
use counterpoint::config::SidebarSide;
use counterpoint::document::{Document, Metadata, ParagraphKind, SentenceRef};
use counterpoint::layout::BlockKind;
use counterpoint::source::{self, Format, LoadOptions};
use counterpoint::ui::action::{MouseInput, MouseKind, TextKey};
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Focus, Maps, update};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Fixed cases and seed for `cargo test`; a longer hunt sets `COUNTERPOINT_PROPTEST_CASES`
/// and `COUNTERPOINT_PROPTEST_SEED`.
fn config(cases: u32) -> ProptestConfig {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    ProptestConfig {
        cases: env("COUNTERPOINT_PROPTEST_CASES").map_or(cases, |c: u64| c as u32),
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(env("COUNTERPOINT_PROPTEST_SEED").unwrap_or(0x00c0_ffee)),
        // Shrinking a long action sequence can take long; a failure prints its input anyway.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// Pieces of text that stress width and segmentation.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,12}",
        1 => "[a-z]{1,8}[.!?]",
        1 => Just("U.S.".to_string()),
        1 => Just("Mr.".to_string()),
        1 => "[\u{4e00}-\u{4e80}]{1,10}",
        1 => "[\u{3040}-\u{309f}]{1,6}。",
        1 => prop::sample::select(vec![
            "😀", "👍🏽", "👨\u{200d}👩\u{200d}👧", "🇫🇷", "☺\u{fe0f}", "❤\u{fe0f}", "✈",
            "1\u{fe0f}\u{20e3}", "🏳\u{fe0f}\u{200d}🌈",
        ])
        .prop_map(str::to_string),
        1 => "[a-z]{1,4}[\u{300}-\u{36f}]{1,3}[a-z]{0,4}",
        1 => "[a-z]{40,120}",
        1 => "[\u{ff01}-\u{ff5e}]{1,8}",
        1 => "[ \u{a0}]{1,5}",
        1 => Just("…".to_string()),
        1 => Just("—".to_string()),
    ]
}

fn paragraph_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..24).prop_map(|tokens| tokens.join(" "))
}

fn paragraph_kind() -> impl Strategy<Value = ParagraphKind> {
    prop_oneof![
        6 => Just(ParagraphKind::Body),
        1 => Just(ParagraphKind::Quote),
        1 => (prop::sample::select(vec!["•", "1.", "10.", "-", "①"]), 0usize..40)
            .prop_map(|(marker, depth)| ParagraphKind::ListItem { marker: marker.into(), depth }),
        1 => Just(ParagraphKind::Code),
    ]
}

/// One block of a random document: a paragraph, or a section heading before the next one.
#[derive(Debug, Clone)]
enum Part {
    Paragraph(ParagraphKind, String),
    Section(String),
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        6 => (paragraph_kind(), paragraph_text()).prop_map(|(k, t)| Part::Paragraph(k, t)),
        1 => paragraph_text().prop_map(Part::Section),
    ]
}

fn metadata() -> impl Strategy<Value = Metadata> {
    (
        prop::option::of(paragraph_text()),
        prop::option::of(paragraph_text()),
        prop::option::of(paragraph_text()),
        prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    )
        .prop_map(|(title, dek, byline, date)| Metadata {
            title,
            dek,
            byline,
            date,
        })
}

fn document() -> impl Strategy<Value = Document> {
    (metadata(), prop::collection::vec(part(), 0..14)).prop_map(|(meta, parts)| {
        let mut doc = Document::new(meta);
        for part in parts {
            match part {
                Part::Paragraph(kind, text) => doc.push_paragraph(kind, &text, Vec::new()),
                Part::Section(title) => doc.push_section(&title, 2),
            }
        }
        doc
    })
}

/// Items anchored at sentences picked by index (taken modulo the document's sentences).
fn items_for(doc: &Document, picks: &[(bool, usize, Vec<usize>)], origin: Origin) -> ArgumentMap {
    let sentences: Vec<SentenceRef> = doc.sentence_refs().collect();
    if sentences.is_empty() {
        return ArgumentMap::default();
    }
    let at = |i: usize| sentences[i % sentences.len()];
    let items = picks
        .iter()
        .map(|(key, anchor, rebuttals)| Item {
            kind: if *key {
                ClaimKind::Key
            } else {
                ClaimKind::Counter
            },
            anchor: at(*anchor),
            rebuttals: if *key {
                Vec::new()
            } else {
                rebuttals.iter().map(|&r| at(r)).collect()
            },
            origin,
            evidence: Default::default(),
            confidence: 1.0,
            note: None,
            clause: None,
        })
        .collect();
    ArgumentMap::new(items)
}

type Picks = Vec<(bool, usize, Vec<usize>)>;

fn picks() -> impl Strategy<Value = Picks> {
    prop::collection::vec(
        (
            any::<bool>(),
            any::<usize>(),
            prop::collection::vec(any::<usize>(), 0..3),
        ),
        0..8,
    )
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        prop::sample::select(vec![
            (1, 1),
            (2, 2),
            (10, 3),
            (30, 6),
            (29, 6),
            (30, 5),
            (59, 10),
            (80, 24),
            (120, 40),
        ]),
        (1u16..220, 1u16..70),
    ]
}

fn text_key() -> impl Strategy<Value = TextKey> {
    prop_oneof![
        4 => prop_oneof![
            "[a-zA-Z ]".prop_map(|s| s.chars().next().unwrap()),
            Just('\''),
            Just('中'),
            Just('\u{7}'),
            Just('\u{301}'),
        ]
        .prop_map(TextKey::Char),
        1 => Just(TextKey::Backspace),
        1 => Just(TextKey::Submit),
        1 => Just(TextKey::Abort),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let commands = prop::sample::select(
        Action::BINDABLE
            .iter()
            .copied()
            .chain([Action::Interrupt])
            // Quitting is a state change like any other here: the loop carries on.
            .collect::<Vec<_>>(),
    );
    let mouse = (
        prop::sample::select(vec![
            MouseKind::ScrollUp,
            MouseKind::ScrollDown,
            MouseKind::Click,
        ]),
        0u16..230,
        0u16..80,
    )
        .prop_map(|(kind, column, row)| Action::Mouse(MouseInput { kind, column, row }));
    prop_oneof![
        10 => commands,
        3 => text_key().prop_map(Action::Text),
        3 => mouse,
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

fn sequence() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(action(), 0..80)
}

fn new_app(doc: Document, annotated: Option<ArgumentMap>, detected: ArgumentMap) -> App {
    let maps = Maps {
        annotated,
        detected,
    };
    App::new(doc, "random.txt".into(), maps, (80, 24))
}

/// Every wrapped line of every block fits the width its block is wrapped to (the layout
/// width less the block's indent), except a line of one grapheme that is wider than the
/// whole width. Code is verbatim and not wrapped.
fn check_wrapped_widths(app: &App) -> Result<(), TestCaseError> {
    let mut layout = app.layout.clone();
    layout.ensure_all(&app.doc);
    let width = layout.width();
    for block in 0..layout.block_count() {
        if let BlockKind::Paragraph(p) = layout.kind(block)
            && app.doc.paragraphs[p].kind == ParagraphKind::Code
        {
            continue;
        }
        let text = layout.block_text(&app.doc, block);
        let room = width.saturating_sub(layout.indent(&app.doc, block)).max(1);
        let lines = layout.block_lines(block).expect("ensure_all wrapped it");
        // Only the thesis block is empty, while the map has no thesis.
        let empty_thesis = layout.kind(block) == BlockKind::Thesis && text.is_empty();
        prop_assert!(
            !lines.is_empty() || empty_thesis,
            "block {block} has no line"
        );
        for line in lines {
            let shown = &text[line.clone()];
            prop_assert!(
                shown.width() <= room || shown.graphemes(true).count() == 1,
                "block {block} line {shown:?} is {} columns, room {room} (width {width})",
                shown.width()
            );
        }
    }
    Ok(())
}

fn check_state(app: &App) -> Result<(), TestCaseError> {
    if let Some(selected) = app.selected {
        let visible = app.sidebar_view().visible_entries();
        prop_assert!(
            visible.contains(&selected),
            "selected {selected} not in {visible:?}"
        );
    }
    let blocks = app.layout.block_count();
    prop_assert!(app.top.block <= blocks, "top {:?} of {blocks}", app.top);
    if app.top.block < blocks {
        prop_assert!(
            app.top.row < app.layout.height(app.top.block),
            "top {:?} but the block has {} rows",
            app.top,
            app.layout.height(app.top.block)
        );
    } else {
        prop_assert_eq!(app.top.row, 0);
    }
    if let Some(at) = app.highlight {
        prop_assert!(
            app.doc.contains(at),
            "highlight {at:?} outside the document"
        );
    }
    Ok(())
}

/// Applies `actions` one by one, drawing after each, and checks the properties.
fn run(mut app: App, actions: &[Action]) -> Result<(), TestCaseError> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| render(&app, frame.buffer_mut()))
        .unwrap();
    check_state(&app)?;
    check_wrapped_widths(&app)?;
    let mut checked_width = app.layout.width();
    for &action in actions {
        let jump_from_sidebar = action == Action::Jump
            && app.focus == Focus::Sidebar
            && app.overlay.is_none()
            && app.selected.is_some();
        update(&mut app, action);
        if let Action::Resize(w, h) = action {
            terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        }
        terminal
            .draw(|frame| render(&app, frame.buffer_mut()))
            .unwrap();
        check_state(&app)?;
        if app.layout.width() != checked_width {
            check_wrapped_widths(&app)?;
            checked_width = app.layout.width();
        }
        let big_enough = app.size.0 >= 30 && app.size.1 >= 6;
        if jump_from_sidebar
            && big_enough
            && let Some(at) = app.highlight
        {
            let visible = app.visible_paragraphs();
            prop_assert!(
                visible.is_some_and(|(first, last)| (first..=last).contains(&at.paragraph)),
                "jumped to {at:?} but paragraphs {visible:?} are on screen (top {:?}, size {:?})",
                app.top,
                app.size
            );
        }
        // A quit ends the real loop; here the reader would be gone, so start afresh.
        app.quit = None;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn random_documents_survive_random_actions(
        doc in document(),
        annotated in prop::option::of(picks()),
        detected in picks(),
        side in prop::sample::select(SidebarSide::ALL.to_vec()),
        actions in sequence(),
    ) {
        let annotated = annotated.map(|p| items_for(&doc, &p, Origin::Annotated));
        let detected = items_for(&doc, &detected, Origin::Detected);
        let mut app = new_app(doc, annotated, detected);
        app.prefs.sidebar_side = side;
        update(&mut app, Action::Resize(80, 24));
        run(app, &actions)?;
    }

    #[test]
    fn loaded_bytes_survive_random_actions(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..600),
            paragraph_text().prop_map(String::into_bytes),
            prop::collection::vec(
                prop_oneof![
                    paragraph_text(),
                    Just("\n\n".to_string()),
                    Just("# ".to_string()),
                    Just("<p>".to_string()),
                    Just("</p>".to_string()),
                    Just("<h2>".to_string()),
                    Just("- ".to_string()),
                    Just("> ".to_string()),
                    Just("```\n".to_string()),
                    Just("\x1b[31m".to_string()),
                    Just("\r\n".to_string()),
                    Just("\t".to_string()),
                ],
                0..30,
            )
            .prop_map(|parts| parts.concat().into_bytes()),
        ],
        format in prop::sample::select(vec![None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)]),
        detected in picks(),
        actions in sequence(),
    ) {
        let opts = LoadOptions { format, ..LoadOptions::default() };
        if let Ok(loaded) = source::load_bytes(&bytes, "random", &opts) {
            let doc = loaded.document;
            let detected = items_for(&doc, &detected, Origin::Detected);
            let annotated = Some(items_for(&doc, &annotated_picks(&doc), Origin::Annotated));
            run(new_app(doc, annotated, detected), &actions)?;
        }
    }
}

/// A second map for loaded documents: items on the last sentences, so toggling the source
/// changes the entries under the selection.
fn annotated_picks(doc: &Document) -> Picks {
    let count = doc.sentence_refs().count();
    (0..count.min(4))
        .map(|i| (i % 2 == 0, count - 1 - i, vec![i]))
        .collect()
}

#[test]
fn every_size_from_1x1_up_to_40x10_draws() {
    let doc = Document::from_paragraphs(
        Metadata {
            title: Some("中文 title 👨‍👩‍👧".into()),
            ..Metadata::default()
        },
        &[
            "One sentence here. Another one, longer, there.",
            "表外字漢字。",
        ],
    );
    let map = items_for(
        &doc,
        &[(true, 0, vec![]), (false, 1, vec![2])],
        Origin::Annotated,
    );
    let mut app = new_app(doc, Some(map), ArgumentMap::default());
    for w in 1..=40 {
        for h in 1..=10 {
            update(&mut app, Action::Resize(w, h));
            update(&mut app, Action::SwitchFocus);
            update(&mut app, Action::Jump);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|frame| render(&app, frame.buffer_mut()))
                .unwrap();
            check_state(&app).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// The real detector on random text, with punctuation outside ASCII where sentences
    /// and words start: no panic, and every item names a sentence of the document.
    #[test]
    fn detection_survives_random_text(
        parts in prop::collection::vec(
            prop_oneof![
                4 => paragraph_text(),
                1 => Just("\n\n".to_string()),
                1 => Just(". ".to_string()),
                1 => prop::sample::select(vec![
                    "\u{2018}", "\u{2019}", "\u{201c}", "\u{201d}", "\u{2014}", "\u{2013}", "\u{ab}",
                    "So ", "Some ", "It is true that ", "critics argue that ", "I believe ",
                ])
                .prop_map(str::to_string),
            ],
            0..40,
        ),
        format in prop::sample::select(vec![Format::Text, Format::Markdown]),
    ) {
        let text = parts.concat();
        let opts = LoadOptions { format: Some(format), ..LoadOptions::default() };
        if let Ok(loaded) = source::load_bytes(text.as_bytes(), "random", &opts) {
            let doc = loaded.document;
            let map = counterpoint::argument::detect::detect(&doc);
            prop_assert!(map.fits(&doc));
        }
    }
}
