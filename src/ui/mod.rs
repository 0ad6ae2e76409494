//! The terminal user interface. Input flows one way: terminal event → action (`keymap`) →
//! `update(&mut App)` → `render(&App)`. Only `terminal` and `event_loop` touch the terminal.

pub mod action;
pub mod event_loop;
pub mod glyphs;
pub mod keymap;
pub mod pair;
pub mod prompt;
pub mod render;
pub mod screen;
pub mod search;
pub mod sidebar;
pub mod sideways;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod tints;
pub mod update;

pub use action::Action;
pub use state::{App, Editing, Focus, Maps};
pub use update::update;
