//! Annotation files (`NAME.claims.toml`).
