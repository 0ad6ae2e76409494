//! Quitting: `q`, `ZZ` and `:q` end the reader at once unless map edits are not saved
//! (a save failed: the file changed on disk, say). Then the status line asks first: `w`
//! saves them to a new file and quits, `d` discards them and quits, any other key stays.
//! Ctrl-C is an interrupt and never asks.

use crate::ui::action::TextKey;
use crate::ui::state::{App, Pending, Quit};

use super::edit;

/// A quit key: quits, or asks first when map edits are not saved.
pub fn request(app: &mut App) {
    if app.unsaved_edits() {
        app.pending = Some(Pending::QuitUnsaved);
    } else {
        app.quit = Some(Quit::Normal);
    }
}

/// The key pressed at the question.
pub fn answer(app: &mut App, key: TextKey) {
    match key {
        TextKey::Char('w' | 'W' | 's' | 'S') => {
            app.quit_after_save = true;
            edit::open_save_as(app);
        }
        TextKey::Char('d' | 'D') => app.quit = Some(Quit::Normal),
        _ => app.message = Some("not quitting: the map edits are still not saved".into()),
    }
}

/// The question, for a status line `width` columns wide: the longest wording that fits.
pub fn question(width: usize) -> &'static str {
    const WORDINGS: [&str; 3] = [
        "Quit with map edits NOT SAVED? w save them elsewhere · d discard them and quit · Esc stay",
        "Quit? Edits NOT SAVED: w save elsewhere · d discard · Esc stay",
        "NOT SAVED: w save · d discard",
    ];
    WORDINGS
        .into_iter()
        .find(|w| w.chars().count() < width)
        .unwrap_or(WORDINGS[2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::ArgumentMap;
    use crate::argument::edit::Editor;
    use crate::argument::store::ClaimsStore;
    use crate::document::{Document, Metadata, SentenceRef};
    use crate::ui::action::Action;
    use crate::ui::state::{Editing, Maps};
    use crate::ui::update::update;

    /// A reader with one unsaved edit: the claims file changed on disk after loading.
    pub(crate) fn unsaved_app(dir: &std::path::Path) -> App {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "The city should act. Critics say it should wait.",
                "It should not.",
            ],
        );
        let path = dir.join("a.claims.toml");
        std::fs::write(&path, "# mine\n").unwrap();
        let mut store = ClaimsStore::at(&path);
        store.load().unwrap();
        std::fs::write(&path, "# theirs\n").unwrap();
        let mut app = App::new(doc, "a.txt".into(), Maps::default(), (100, 30));
        app.editing = Some(Editing {
            editor: Editor::new(ArgumentMap::default(), Vec::new()),
            store,
            detected: ArgumentMap::default(),
            article: None,
        });
        app.cursor = Some(SentenceRef {
            paragraph: 0,
            sentence: 0,
        });
        update(&mut app, Action::MarkKeyClaim);
        assert!(app.unsaved_edits(), "{:?}", app.message);
        app
    }

    #[test]
    fn every_quit_key_asks_when_edits_are_not_saved_and_esc_stays() {
        let dir = tempfile::tempdir().unwrap();
        for keys in [
            vec![Action::Quit],
            vec![Action::QuitZ, Action::Text(TextKey::Char('Z'))],
            vec![
                Action::Command,
                Action::Text(TextKey::Char('q')),
                Action::Text(TextKey::Submit),
            ],
        ] {
            let mut app = unsaved_app(dir.path());
            for key in keys {
                update(&mut app, key);
            }
            assert_eq!(app.quit, None);
            assert_eq!(app.pending, Some(Pending::QuitUnsaved));
            update(&mut app, Action::Text(TextKey::Abort));
            assert_eq!((app.quit, app.pending), (None, None));
            assert!(app.unsaved_edits());
        }
    }

    #[test]
    fn d_discards_and_quits_and_w_saves_elsewhere_then_quits() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unsaved_app(dir.path());
        update(&mut app, Action::Quit);
        update(&mut app, Action::Text(TextKey::Char('d')));
        assert_eq!(app.quit, Some(Quit::Normal));

        let mut app = unsaved_app(dir.path());
        update(&mut app, Action::Quit);
        update(&mut app, Action::Text(TextKey::Char('w')));
        assert_eq!(app.quit, None);
        let prompt = app.prompt.clone().expect("the save-as prompt");
        assert!(prompt.text.ends_with("a-2.claims.toml"), "{}", prompt.text);
        update(&mut app, Action::Text(TextKey::Submit));
        assert_eq!(app.quit, Some(Quit::Normal), "{:?}", app.message);
        let saved = std::fs::read_to_string(dir.path().join("a-2.claims.toml")).unwrap();
        assert!(saved.contains("The city should act."), "{saved}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.claims.toml")).unwrap(),
            "# theirs\n"
        );
    }

    #[test]
    fn quitting_with_everything_saved_does_not_ask_and_q_bang_never_asks() {
        let doc = Document::from_paragraphs(Metadata::default(), &["One."]);
        let mut app = App::new(doc, "a.txt".into(), Maps::default(), (80, 24));
        update(&mut app, Action::Quit);
        assert_eq!(app.quit, Some(Quit::Normal));

        let dir = tempfile::tempdir().unwrap();
        let mut app = unsaved_app(dir.path());
        update(&mut app, Action::Command);
        for c in "q!".chars() {
            update(&mut app, Action::Text(TextKey::Char(c)));
        }
        update(&mut app, Action::Text(TextKey::Submit));
        assert_eq!(app.quit, Some(Quit::Normal));
    }

    fn status_line(app: &App) -> String {
        let (width, height) = app.size;
        let mut buf =
            ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
        crate::ui::render::render(app, &mut buf);
        (0..width).map(|x| buf[(x, height - 1)].symbol()).collect()
    }

    #[test]
    fn not_saved_and_the_question_show_at_every_width() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = unsaved_app(dir.path());
        for width in [30, 40, 60, 80, 100, 120, 169, 200] {
            update(&mut app, Action::Resize(width, 24));
            // Right after the edit (its message shown), and after the next key.
            let status = status_line(&app);
            assert!(status.contains("NOT SAVED"), "{width}: {status}");
            update(&mut app, Action::Down);
            let status = status_line(&app);
            assert!(status.contains("NOT SAVED"), "{width}: {status}");
            if width >= 80 {
                assert!(status.contains("W saves elsewhere"), "{width}: {status}");
            }
            update(&mut app, Action::Quit);
            let status = status_line(&app);
            assert!(status.contains("d discard"), "{width}: {status}");
            assert!(status.contains("w save"), "{width}: {status}");
            update(&mut app, Action::Text(TextKey::Abort));
        }
    }

    #[test]
    fn esc_never_quits() {
        let doc = Document::from_paragraphs(Metadata::default(), &["One."]);
        let mut app = App::new(doc, "a.txt".into(), Maps::default(), (80, 24));
        for _ in 0..3 {
            update(&mut app, Action::Cancel);
        }
        assert_eq!(app.quit, None);
    }
}
