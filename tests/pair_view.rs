//! Two articles on ratatui's TestBackend: side by side with one sidebar at 200×50, one at
//! a time at 80×24 with the key that switches named in the status line, the sidebar's
//! "↔" lines, and a jump across a link and back.

use std::path::Path;

use counterpoint::cli::maps::{self, MapSource};
use counterpoint::source::{self, InputSpec, LoadOptions};
use counterpoint::ui::pair::Pair;
use counterpoint::ui::pair::render::render_pair;
use counterpoint::ui::pair::update::update;
use counterpoint::ui::{Action, App};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const OPED: &str = "tests/pairs/own/congestion-charge-oped.txt";
const REPLY: &str = "tests/pairs/own/congestion-charge-reply.txt";

fn app(path: &str) -> App {
    let spec = InputSpec::Path(Path::new(path).to_path_buf());
    let loaded = source::open(&spec, &LoadOptions::default()).unwrap();
    let doc = loaded.document;
    let (maps, editing, _) = maps::build(&doc, MapSource::new(&spec, &doc, None, None)).unwrap();
    let mut app = App::new(doc, loaded.name, maps, (0, 0));
    app.editing = Some(editing);
    app
}

/// The own answering pair in a `cols` × `rows` terminal, analysed and linked.
fn pair(cols: u16, rows: u16) -> Pair {
    let mut pair = Pair::new([app(OPED), app(REPLY)], (cols, rows), Vec::new());
    pair.find_links_now();
    pair
}

fn rows(pair: &Pair) -> Vec<String> {
    let mut buf = Buffer::empty(Rect::new(0, 0, pair.size.0, pair.size.1));
    render_pair(pair, &mut buf);
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn at_200_columns_both_titles_stand_side_by_side_with_one_sidebar() {
    let pair = pair(200, 50);
    let screen = rows(&pair);
    let first = &screen[0];
    let a = first.find("Charge Drivers to Enter Downtown").expect(first);
    let b = first.find("A Congestion Charge Would Punish").expect(first);
    let sidebar = first.find("A · Annotated map").expect(first);
    assert!(a < b && b < sidebar, "{first}");
    // One sidebar: the map of the article in focus, with where its claims are answered.
    let text = screen.join("\n");
    assert_eq!(text.matches("Annotated map").count(), 1);
    assert!(text.contains("↔ answered in B ¶1"), "{text}");
    assert!(!text.contains("analysing"), "{text}");
    assert!(
        screen[49].contains("A: congestion-charge-oped.txt"),
        "{}",
        screen[49]
    );
    insta::assert_snapshot!("pair_200x50", text);
}

#[test]
fn at_80_columns_one_article_shows_and_the_status_line_names_the_switch_key() {
    let mut pair = pair(80, 24);
    let screen = rows(&pair);
    let text = screen.join("\n");
    assert!(text.contains("Charge Drivers to Enter Downtown"), "{text}");
    assert!(!text.contains("A Congestion Charge Would Punish"), "{text}");
    assert!(
        screen[23].contains("A: congestion-charge-oped.txt"),
        "{}",
        screen[23]
    );
    assert!(screen[23].contains("Ctrl-w article B"), "{}", screen[23]);
    insta::assert_snapshot!("pair_80x24", text);
    update(&mut pair, Action::SwitchArticle);
    let screen = rows(&pair);
    assert!(
        screen
            .join("\n")
            .contains("A Congestion Charge Would Punish")
    );
    assert!(
        screen[23].contains("B: congestion-charge-reply.txt"),
        "{}",
        screen[23]
    );
    assert!(screen[23].contains("Ctrl-w article A"), "{}", screen[23]);
}

#[test]
fn each_article_keeps_its_place() {
    let mut pair = pair(80, 24);
    update(&mut pair, Action::NextParagraph);
    update(&mut pair, Action::NextParagraph);
    let a_top = pair.apps[0].top;
    update(&mut pair, Action::SwitchArticle);
    update(&mut pair, Action::Down);
    assert_eq!(pair.apps[0].top, a_top);
    assert_ne!(pair.apps[1].top, a_top);
    update(&mut pair, Action::SwitchArticle);
    assert_eq!(pair.focused, 0);
    assert_eq!(pair.apps[0].top, a_top);
}

#[test]
fn following_a_link_lands_on_the_linked_sentence_and_ctrl_o_returns() {
    let mut pair = pair(80, 24);
    // The sidebar of A, its fifth key claim ("… a gift to them, not a burden.").
    update(&mut pair, Action::SwitchFocus);
    for _ in 0..4 {
        update(&mut pair, Action::Down);
    }
    let before = pair.apps[0].top;
    update(&mut pair, Action::FollowLink);
    assert_eq!(pair.focused, 1);
    let b = &pair.apps[1];
    let landed = b.highlight.expect("the linked sentence is highlighted");
    assert_eq!(landed.paragraph, 3);
    assert!(b.doc.sentence_text(landed).starts_with("Most troubling"));
    let (first, last) = b.visible_paragraphs().unwrap();
    assert!((first..=last).contains(&3));
    update(&mut pair, Action::JumpBack);
    assert_eq!(pair.focused, 0);
    assert_eq!(pair.apps[0].top, before);
}
