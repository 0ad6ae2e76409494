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

#[test]
fn links_are_confirmed_rejected_and_added_by_hand_and_saved_beside_the_articles() {
    use counterpoint::argument::crossmap::{Relation, Status, file};
    use counterpoint::argument::store::ClaimsStore;
    use counterpoint::ui::pair::update::relation_letter;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.b.links.toml");
    let mut pair = pair(200, 50);
    pair.store = Some(ClaimsStore::at(&path));
    // Follow the thesis's link across, and confirm it.
    update(&mut pair, Action::SwitchFocus);
    update(&mut pair, Action::FollowLink);
    assert_eq!(pair.focused, 1);
    update(&mut pair, Action::ConfirmLink);
    let message = pair.focused().message.clone().unwrap();
    assert!(message.contains("link confirmed"), "{message}");
    assert!(message.contains("saved to"), "{message}");
    // Reject the next link of the selected item.
    update(&mut pair, Action::SwitchArticle);
    update(&mut pair, Action::FollowLink);
    update(&mut pair, Action::RejectLink);
    // Add one by hand: the cursor's sentence in each article, then the relation.
    update(&mut pair, Action::NextSentence);
    update(&mut pair, Action::SwitchArticle);
    update(&mut pair, Action::NextSentence);
    update(&mut pair, Action::AddLink);
    assert!(pair.awaiting_relation);
    relation_letter(&mut pair, 'c');
    let text = std::fs::read_to_string(&path).unwrap();
    let docs = [&*pair.apps[0].doc, &*pair.apps[1].doc];
    let saved = file::parse(&text, docs, "saved").unwrap();
    let statuses: Vec<Status> = saved.iter().map(|l| l.status).collect();
    assert_eq!(
        statuses,
        [Status::Confirmed, Status::Rejected, Status::Added]
    );
    assert_eq!(saved[2].relation, Relation::Concedes);
    // The rejected link is no longer shown; the added one is.
    let shown: Vec<_> = pair.shown_links().map(|(_, l)| l.ends()).collect();
    assert!(!shown.contains(&saved[1].ends()));
    assert!(shown.contains(&saved[2].ends()));
}
