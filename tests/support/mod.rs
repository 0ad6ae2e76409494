//! Test helpers: run the real binary in a pseudo-terminal and read its screen.
#![allow(dead_code)]

pub mod app;
pub mod pty;
