//! The machine-readable outline printed by `counterpoint outline`.
