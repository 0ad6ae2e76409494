//! Applies an action to a pair: its own actions (switch article, follow a link across and
//! come back, judge and add links, the sidebar beside two panes) here; every other one to
//! the article in focus.

use ratatui::layout::Position;

use super::layout::Mode;
use super::{CrossStep, Pair};
use crate::argument::crossmap::{self, End, Link, Relation, Status, file};
use crate::document::SentenceRef;
use crate::pair_outline::letter;
use crate::ui::action::{Action, MouseInput};
use crate::ui::state::{Focus, Quit};
use crate::ui::update::{jump_to_sentence, keep_selection_visible, set_top, update as update_app};

pub fn update(pair: &mut Pair, action: Action) {
    match action {
        Action::Resize(width, height) => return pair.resize(width, height),
        Action::Mouse(input) => return mouse(pair, input),
        Action::Interrupt => {
            pair.focused_mut().quit = Some(Quit::Interrupted);
            return;
        }
        _ => {}
    }
    let app = pair.focused();
    // An overlay or a prompt of the article takes every key.
    if app.overlay.is_some() || app.expects_text() {
        update_app(pair.focused_mut(), action);
        return after(pair);
    }
    if pair.awaiting_relation && !matches!(action, Action::Text(_)) {
        pair.awaiting_relation = false;
        pair.focused_mut().message = Some("no link added".into());
        return;
    }
    let side_by_side = matches!(pair.mode, Mode::SideBySide { .. });
    match action {
        Action::SwitchArticle => switch(pair),
        Action::FollowLink => follow(pair),
        Action::ConfirmLink => judge(pair, Status::Confirmed),
        Action::RejectLink => judge(pair, Status::Rejected),
        Action::AddLink => {
            pair.awaiting_relation = true;
            pair.focused_mut().message = Some(
                "link the cursor sentences as: r rebuts, c concedes, a agrees, s restates".into(),
            );
        }
        Action::JumpBack if back_across(pair) => {}
        Action::ToggleSidebar if side_by_side => {
            pair.sidebar_shown = !pair.sidebar_shown;
            if !pair.sidebar_shown {
                for app in &mut pair.apps {
                    app.focus = Focus::Reading;
                }
            }
            let (w, h) = pair.size;
            pair.resize(w, h);
        }
        Action::SidebarNarrower | Action::SidebarWider if side_by_side => {
            let Mode::SideBySide { sidebar, .. } = pair.mode else {
                return;
            };
            let delta: i16 = if action == Action::SidebarWider {
                4
            } else {
                -4
            };
            let width = sidebar.saturating_add_signed(delta).clamp(20, 100);
            pair.sidebar_width = Some(width);
            pair.sidebar_shown = true;
            let (w, h) = pair.size;
            pair.resize(w, h);
            pair.focused_mut().message = Some(format!("sidebar {width} columns"));
        }
        action => update_app(pair.focused_mut(), action),
    }
    after(pair);
}

/// The letter typed after `=`: the relation of the link to add.
pub fn relation_letter(pair: &mut Pair, letter_typed: char) {
    pair.awaiting_relation = false;
    match Relation::from_letter(letter_typed) {
        Some(relation) => add(pair, relation),
        None => {
            pair.focused_mut().message = Some("no link added (r, c, a or s)".into());
        }
    }
}

/// After an article changed: links follow the maps shown (quick to find once analysed).
fn after(pair: &mut Pair) {
    if pair.linked_maps.is_some() && pair.links_stale() {
        pair.find_links_now();
    }
}

fn switch(pair: &mut Pair) {
    pair.focused = pair.other();
    let name = pair.focused().name.clone();
    let letter = letter(pair.focused);
    pair.focused_mut().message = Some(format!("article {letter}: {name}"));
}

/// The sentences the reader points at in the focused article: the selected item (with its
/// rebuttals) in the sidebar, else the sentence cursor or the last jump's sentence, else
/// every sentence on screen.
fn pointed_at(pair: &Pair) -> Vec<SentenceRef> {
    let app = pair.focused();
    if app.focus == Focus::Sidebar
        && let Some(item) = app.selected.and_then(|i| app.map().items.get(i))
    {
        let mut at = vec![item.anchor];
        at.extend(&item.rebuttals);
        return at;
    }
    if let Some(at) = app.cursor.or(app.highlight) {
        return vec![at];
    }
    let Some((first, last)) = app.visible_paragraphs() else {
        return Vec::new();
    };
    (first..=last)
        .flat_map(|p| {
            (0..app.doc.paragraphs[p].sentences.len()).map(move |sentence| SentenceRef {
                paragraph: p,
                sentence,
            })
        })
        .collect()
}

/// The shown links with an end among the sentences pointed at, as indexes into `links`,
/// in reading order of that end.
fn links_pointed_at(pair: &Pair) -> Vec<usize> {
    let article = pair.focused;
    let at = pointed_at(pair);
    let mut found: Vec<(SentenceRef, usize)> = pair
        .shown_links()
        .filter_map(|(index, link)| {
            let (here, _) = link.end_in(article)?;
            at.contains(&here.at).then_some((here.at, index))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, index)| index).collect()
}

/// `f`: jumps across the link of what the reader points at (again: the next link), so
/// the linked paragraph is at the top of the other pane with its sentence highlighted.
fn follow(pair: &mut Pair) {
    let candidates = links_pointed_at(pair);
    if candidates.is_empty() {
        let message = if pair.linked_maps.is_none() {
            "links are still being worked out…"
        } else {
            "no link here: select an item marked ↔ (Tab, j/k), or move the cursor with ( )"
        };
        pair.focused_mut().message = Some(message.into());
        return;
    }
    let next = match pair
        .current
        .and_then(|c| candidates.iter().position(|&i| i == c))
    {
        Some(at) => candidates[(at + 1) % candidates.len()],
        None => candidates[0],
    };
    let count = candidates.len();
    let nth = candidates.iter().position(|&i| i == next).unwrap_or(0) + 1;
    let link = pair.links[next].clone();
    let (here, there) = link
        .end_in(pair.focused)
        .expect("a link pointed at has an end here");
    pair.current = Some(next);
    let from_top = pair.apps[here.article].top;
    pair.apps[here.article].highlight = Some(here.at);
    pair.focused = there.article;
    let target = &mut pair.apps[there.article];
    jump_to_sentence(target, there.at);
    pair.cross_back.push(CrossStep {
        from: here.article,
        to: there.article,
        top: from_top,
        depth: pair.apps[there.article].history.back.len(),
    });
    if pair.cross_back.len() > crate::ui::state::HISTORY_LIMIT {
        pair.cross_back.remove(0);
    }
    let target = &mut pair.apps[there.article];
    // Select the item there, so its sidebar shows where it is linked.
    if let Some((item, _)) = crossmap::item_of(target.map(), there.at) {
        target.selected = Some(item);
        keep_selection_visible(target);
    }
    let mut message = describe(&link);
    if count > 1 {
        message = format!("link {nth}/{count}: {message}");
    }
    let back = key(pair, Action::JumpBack);
    let confirm = key(pair, Action::ConfirmLink);
    let reject = key(pair, Action::RejectLink);
    pair.focused_mut().message = Some(format!(
        "{message} · {back} back · {confirm} confirm · {reject} reject"
    ));
}

fn key(pair: &Pair, action: Action) -> String {
    pair.focused()
        .keymap
        .keys(action)
        .first()
        .map_or_else(|| "?".into(), |k| k.label())
}

/// "B ¶4 rebuts A ¶2 (72%)".
fn describe(link: &Link) -> String {
    let how = match link.status {
        Status::Detected => format!("{:.0}%", link.confidence * 100.0),
        Status::Confirmed => "confirmed".into(),
        Status::Added => "added by hand".into(),
        Status::Rejected => "rejected".into(),
    };
    format!(
        "{} ¶{} {} {} ¶{} ({how})",
        letter(link.from.article),
        link.from.at.paragraph + 1,
        link.relation.name(),
        letter(link.to.article),
        link.to.at.paragraph + 1
    )
}

/// Ctrl-O right after a jump across: back to the other article, where the jump started.
/// `false` when the last jump of the article in focus was not one across.
fn back_across(pair: &mut Pair) -> bool {
    let Some(step) = pair.cross_back.last().copied() else {
        return false;
    };
    // After jumps of its own in the article landed in, its own jump list comes first.
    if step.to != pair.focused || pair.apps[step.to].history.back.len() > step.depth {
        return false;
    }
    pair.cross_back.pop();
    pair.focused = step.from;
    let app = &mut pair.apps[step.from];
    set_top(app, step.top);
    app.message = Some(format!("back in article {}", letter(step.from)));
    true
}

/// The link `+` and `-` act on: the one last followed, else the first of what the reader
/// points at.
fn current_link(pair: &Pair) -> Option<usize> {
    let pointed = links_pointed_at(pair);
    match pair.current {
        Some(current) if pair.links.get(current).is_some_and(Link::shown) => {
            let here = pair.links[current].end_in(pair.focused).is_some();
            here.then_some(current).or_else(|| pointed.first().copied())
        }
        _ => pointed.first().copied(),
    }
}

fn judge(pair: &mut Pair, status: Status) {
    let Some(index) = current_link(pair) else {
        pair.focused_mut().message =
            Some("no link to judge: follow one with f, or select an item marked ↔".into());
        return;
    };
    let mut link = pair.links[index].clone();
    link.status = status;
    let ends = link.ends();
    pair.judged.retain(|l| l.ends() != ends);
    let said = describe(&link);
    pair.judged.push(link);
    pair.relink();
    if status == Status::Rejected {
        pair.current = None;
    }
    let verb = if status == Status::Rejected {
        "rejected"
    } else {
        "confirmed"
    };
    save(pair, format!("link {verb}: {said}"));
}

/// Links the cursor's sentence of the focused article to that of the other one.
fn add(pair: &mut Pair, relation: Relation) {
    let at = |app: &crate::ui::App| app.cursor.or(app.highlight);
    let (Some(here), Some(there)) = (at(pair.focused()), at(&pair.apps[pair.other()])) else {
        pair.focused_mut().message =
            Some("to link, put the sentence cursor ( ) on a sentence in each article first".into());
        return;
    };
    let link = Link {
        from: End {
            article: pair.focused,
            at: here,
        },
        to: End {
            article: pair.other(),
            at: there,
        },
        relation,
        confidence: 1.0,
        evidence: vec!["added by hand".into()],
        status: Status::Added,
        note: None,
    };
    let ends = link.ends();
    let said = describe(&link);
    pair.judged.retain(|l| l.ends() != ends);
    pair.judged.push(link);
    pair.relink();
    pair.current = pair.links.iter().position(|l| l.ends() == ends);
    save(pair, format!("link added: {said}"));
}

/// Saves the judged links to the link file and says so (or why not).
fn save(pair: &mut Pair, done: String) {
    let docs = [&*pair.apps[0].doc, &*pair.apps[1].doc];
    let text = file::to_toml(&pair.judged, docs);
    let message = match pair.store.as_mut() {
        None => format!("{done} (not saved: no place for a link file)"),
        Some(store) => match store.save(&text) {
            Ok(()) => format!("{done} · saved to {}", store.path().display()),
            Err(error) => format!("{done} · not saved: {error}"),
        },
    };
    pair.focused_mut().message = Some(crate::source::sanitize::one_line(&message));
}

/// The mouse: each pane and the sidebar get the events over them, in their own
/// coordinates; a click focuses the article clicked.
fn mouse(pair: &mut Pair, input: MouseInput) {
    let Mode::SideBySide { pane, .. } = pair.mode else {
        update_app(pair.focused_mut(), Action::Mouse(input));
        return after(pair);
    };
    let at = Position::new(input.column, input.row);
    let (target, shift) = if at.x < pane {
        (0, 0)
    } else if at.x < 2 * pane {
        (1, pane)
    } else {
        (pair.focused, pane)
    };
    if input.kind == crate::ui::action::MouseKind::Click && target != pair.focused {
        pair.focused = target;
    }
    let moved = MouseInput {
        column: input.column - shift,
        ..input
    };
    update_app(&mut pair.apps[target], Action::Mouse(moved));
    after(pair);
}
