//! Automatic detection of key claims, counterclaims and rebuttals.

use super::ArgumentMap;
use crate::document::Document;

/// Detects the argument of `doc`. Every item is marked [`super::Origin::Detected`] and
/// carries its evidence and a confidence.
pub fn detect(_doc: &Document) -> ArgumentMap {
    // Placeholder until the detector lands.
    ArgumentMap::default()
}
