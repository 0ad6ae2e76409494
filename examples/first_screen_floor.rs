//! The least a ratatui program can do before its first frame: read the start of a file
//! and draw its first lines, nothing else (no cleaning, no layout cache, no sidebar, no
//! HTML or Markdown support linked in). Timing it beside `less` with the `ttff` harness
//! shows how much of counterpoint's start-up is the cost of being a Rust TUI at all:
//!
//!     cargo build --release --example first_screen_floor
//!     cargo run --release --example ttff -- --runs 40 --baseline target/release/examples/first_screen_floor
//!
//! Keys: `q` quits. Extra arguments (`--no-remember`) are ignored.

use std::io::Read;

use anyhow::Context;
use ratatui::crossterm::event::{self, Event, KeyCode};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// As much of the file as a first screen can need, as `less` reads it.
const FIRST_PART: u64 = 16 * 1024;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: first_screen_floor FILE")?;
    let mut start = Vec::new();
    std::fs::File::open(&path)?
        .take(FIRST_PART)
        .read_to_end(&mut start)?;
    let text = String::from_utf8_lossy(&start);
    let mut terminal = ratatui::init();
    terminal.draw(|frame| {
        let area = frame.area();
        let lines: Vec<Line> = text
            .lines()
            .take(usize::from(area.height))
            .map(|l| Line::raw(l.replace(|c: char| c.is_control(), " ")))
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    })?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.code == KeyCode::Char('q')
        {
            break;
        }
    }
    ratatui::restore();
    Ok(())
}
