//! counterpoint: a terminal reader for argumentative writing.
//!
//! Data flows one way through the modules:
//! `source` (bytes → clean text) → `document` (paragraphs, sentences) →
//! `argument` (claims, counterclaims, rebuttals) → `layout` (wrapped lines per width) →
//! `ui` (state, actions, rendering). `cli` ties them together for the binary.

// Lists of byte ranges (lines, sentences) often hold one range; that is not a mistake.
#![allow(clippy::single_range_in_vec_init)]

pub mod argument;
pub mod cli;
pub mod config;
pub mod document;
pub mod layout;
pub mod outline;
pub mod pair_outline;
pub mod position_store;
pub mod source;
pub mod synthetic;
pub mod ui;

/// The article opened when no path is given: a raw page capture, menus and footer included.
pub const EMBEDDED_ARTICLE: &str = include_str!("../assets/cybersecurity-dialogue.txt");
/// Our own annotation of the embedded article.
pub const EMBEDDED_CLAIMS: &str = include_str!("../assets/cybersecurity-dialogue.claims.toml");
/// How the embedded annotations are named in messages.
pub const EMBEDDED_CLAIMS_LABEL: &str = "cybersecurity-dialogue.claims.toml (embedded)";
/// File name the embedded article is known by (status line, annotation lookup).
pub const EMBEDDED_NAME: &str = "cybersecurity-dialogue.txt";
