//! The config file's named values: theme, text measure and sidebar placement. Each reads
//! from its config name with an error that lists the names it knows.

use serde::{Deserialize, Deserializer, de};

use crate::ui::theme::{THEME_NAMES, Theme, unknown_theme};

/// Reads a named value with the parser that knows its names and its error message.
fn named<'de, D, T>(deserializer: D, parse: fn(&str) -> Result<T, String>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(de::Error::custom)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => THEME_NAMES[0],
            ThemeName::Light => THEME_NAMES[1],
            ThemeName::Mono => THEME_NAMES[2],
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "dark" => Ok(ThemeName::Dark),
            "light" => Ok(ThemeName::Light),
            "mono" => Ok(ThemeName::Mono),
            _ => Err(unknown_theme(text)),
        }
    }

    /// The theme, or `mono` when colour is off (NO_COLOR).
    pub fn theme(self, no_color: bool) -> Theme {
        Theme::resolve(Some(self.name()), no_color).expect("every ThemeName is a theme")
    }
}

impl<'de> Deserialize<'de> for ThemeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        named(deserializer, ThemeName::parse)
    }
}

/// How wide the text column may grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// About 60 columns: short lines for slow, careful reading.
    Narrow,
    /// 78 columns, the reader's classic measure.
    #[default]
    Comfortable,
    /// As wide as the reading pane.
    Full,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Narrow, Measure::Comfortable, Measure::Full];

    /// The widest the text column gets; `None`: the whole pane.
    pub fn columns(self) -> Option<u16> {
        match self {
            Measure::Narrow => Some(60),
            Measure::Comfortable => Some(78),
            Measure::Full => None,
        }
    }

    /// The next measure for `cycle_measure`: narrow → comfortable → full → narrow.
    pub fn next(self) -> Self {
        match self {
            Measure::Narrow => Measure::Comfortable,
            Measure::Comfortable => Measure::Full,
            Measure::Full => Measure::Narrow,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::Narrow => "narrow",
            Measure::Comfortable => "comfortable",
            Measure::Full => "full",
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        Measure::ALL
            .into_iter()
            .find(|m| m.name() == text)
            .ok_or_else(|| {
                format!("unknown measure '{text}' (expected narrow, comfortable or full)")
            })
    }
}

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        named(deserializer, Measure::parse)
    }
}

/// Where the sidebar goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SidebarSide {
    Right,
    Left,
    Bottom,
    /// Right when the terminal is wide enough for both panes, else bottom.
    #[default]
    Auto,
}

impl SidebarSide {
    pub const ALL: [SidebarSide; 4] = [
        SidebarSide::Right,
        SidebarSide::Left,
        SidebarSide::Bottom,
        SidebarSide::Auto,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SidebarSide::Right => "right",
            SidebarSide::Left => "left",
            SidebarSide::Bottom => "bottom",
            SidebarSide::Auto => "auto",
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        SidebarSide::ALL
            .into_iter()
            .find(|s| s.name() == text)
            .ok_or_else(|| {
                format!("unknown sidebar side '{text}' (expected right, left, bottom or auto)")
            })
    }
}

impl<'de> Deserialize<'de> for SidebarSide {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        named(deserializer, SidebarSide::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_measures_cycle() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.name()), Ok(m));
        }
        for s in SidebarSide::ALL {
            assert_eq!(SidebarSide::parse(s.name()), Ok(s));
        }
        for name in THEME_NAMES {
            assert_eq!(ThemeName::parse(name).map(ThemeName::name), Ok(name));
        }
        let mut m = Measure::Narrow;
        for _ in 0..3 {
            m = m.next();
        }
        assert_eq!(m, Measure::Narrow);
        assert!(Measure::Narrow.columns() < Measure::Comfortable.columns());
        assert_eq!(Measure::Full.columns(), None);
    }
}
