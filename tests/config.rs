//! The config file: defaults, a valid file, each kind of mistake with its line, and key
//! rebinding as the help overlay shows it.

use std::path::Path;

use counterpoint::config::{Config, ConfigError, Measure, SidebarSide, ThemeName};
use counterpoint::ui::Action;
use counterpoint::ui::keymap::{Key, Keymap};
use counterpoint::ui::theme::Theme;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("config.toml"))
}

fn error(text: &str) -> String {
    parse(text).expect_err("the file has a mistake").to_string()
}

#[test]
fn an_empty_file_and_no_file_give_the_defaults() {
    let defaults = Config::default();
    assert_eq!(parse("").unwrap(), defaults);
    assert_eq!(parse("# nothing set\n\n").unwrap(), defaults);
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.toml");
    assert_eq!(Config::load_optional(&missing).unwrap(), defaults);
    let err = Config::load(&missing).unwrap_err().to_string();
    assert!(err.ends_with("config.toml: no such file"), "{err}");
}

#[test]
fn defaults_are_the_built_in_behaviour() {
    let defaults = Config::default();
    assert_eq!(defaults.theme, ThemeName::Dark);
    assert_eq!(defaults.theme(false), Theme::default());
    assert_eq!(defaults.measure, Measure::Comfortable);
    let view = counterpoint::ui::screen::ViewPrefs::default();
    assert_eq!(defaults.measure, view.measure);
    assert_eq!(defaults.sidebar_width, view.sidebar_width);
    assert_eq!(defaults.sidebar_side, SidebarSide::Auto);
    assert_eq!(defaults.sidebar_width, None, "automatic");
    assert_eq!(usize::from(defaults.sidebar_lines), 3);
    assert_eq!(defaults.sidebar_lines, view.sidebar_lines);
    assert!(defaults.tints && view.tints);
    assert!(defaults.mouse);
    assert!(defaults.remember_position);
    assert_eq!(
        defaults.keymap().unwrap().describe(),
        Keymap::default().describe()
    );
}

#[test]
fn a_valid_file_sets_every_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        r#"
theme = "light"
measure = "narrow"
sidebar_width = 48
sidebar_side = "left"
sidebar_lines = 2
tints = false
mouse = false
remember_position = false

[keys]
scroll_down = ["e", "down"]
quit = ["Q"]
"#,
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(config.theme, ThemeName::Light);
    assert_eq!(config.theme(false), Theme::light());
    assert_eq!(config.theme(true), Theme::mono(), "NO_COLOR wins");
    assert_eq!(config.measure, Measure::Narrow);
    assert_eq!(config.sidebar_width, Some(48));
    assert_eq!(config.sidebar_lines, 2);
    assert!(!config.tints);
    assert_eq!(config.sidebar_side, SidebarSide::Left);
    assert!(!config.mouse);
    assert!(!config.remember_position);
    let keymap = config.keymap().unwrap();
    assert_eq!(keymap.action(Key::char('e')), Some(Action::Down));
    assert_eq!(keymap.action(Key::char('Q')), Some(Action::Quit));
    assert_eq!(keymap.action(Key::char('q')), None);
}

#[test]
fn rebinding_shows_in_the_help_overlay() {
    let config =
        parse("[keys]\nsearch_forward = [\"Y\", \"ctrl-s\"]\njump_back = [\"backspace\"]\n")
            .unwrap();
    let help = config.keymap().unwrap().describe();
    let keys_of = |action| {
        help.iter()
            .find(|(_, a)| *a == action)
            .map(|(keys, _)| keys.as_str())
    };
    assert_eq!(keys_of(Action::SearchForward), Some("Y Ctrl-s"));
    assert_eq!(keys_of(Action::JumpBack), Some("Backspace"));
    // Untouched actions keep their keys and the help keeps its order.
    assert_eq!(keys_of(Action::Down), Some("j ↓"));
    let order: Vec<Action> = help.iter().map(|(_, a)| *a).collect();
    let default_order: Vec<Action> = Keymap::default()
        .describe()
        .iter()
        .map(|(_, a)| *a)
        .collect();
    assert_eq!(order, default_order);
}

#[test]
fn each_mistake_is_one_line_naming_the_file_line_and_problem() {
    let cases = [
        (
            "mouse = true\n\ntheme = \"blue\"\n",
            "config.toml: line 3: unknown theme 'blue' (expected dark, light or mono)",
        ),
        (
            "theme = \"dark\"\nmeasure = \"wide\"\n",
            "config.toml: line 2: unknown measure 'wide' (expected narrow, comfortable or full)",
        ),
        (
            "sidebar_side = \"top\"\n",
            "config.toml: line 1: unknown sidebar side 'top' (expected right, left, bottom or auto)",
        ),
        (
            "theme = \"dark\"\n\n\n\ncolour = \"red\"\n",
            "config.toml: line 5: unknown key 'colour' (expected theme, measure, sidebar_width, \
             sidebar_side, sidebar_lines, tints, mouse, remember_position, keep_all or [keys])",
        ),
        (
            "\nsidebar_width = 5\n",
            "config.toml: line 2: sidebar_width must be \"auto\" or 20 to 100 columns, not 5",
        ),
        (
            "sidebar_width = -3\n",
            "config.toml: line 1: sidebar_width must be \"auto\" or 20 to 100 columns, not -3",
        ),
        (
            "sidebar_width = \"wide\"\n",
            "config.toml: line 1: sidebar_width must be \"auto\" or 20 to 100 columns, not 'wide'",
        ),
        (
            "sidebar_lines = 6\n",
            "config.toml: line 1: sidebar_lines must be 1 to 5, not 6",
        ),
        (
            "mouse = \"yes\"\n",
            "config.toml: line 1: mouse: invalid type: string \"yes\", expected a boolean",
        ),
        (
            "[keys]\nscrol_down = [\"j\"]\n",
            "config.toml: line 2: unknown action 'scrol_down' in [keys] \
             (`counterpoint --print-config` lists them)",
        ),
        (
            "[keys]\nquit = [\"q\"]\nscroll_down = [\n  \"j\",\n  \"jj\",\n]\n",
            "config.toml: line 5: scroll_down: unknown key 'jj'",
        ),
        (
            "[keys]\nquit = [\"ctrl-i\"]\n",
            "config.toml: line 2: quit: 'ctrl-i': terminals send Ctrl-I as Tab; bind \"tab\" instead",
        ),
        (
            "[keys]\nquit = [\"ctrl-c\"]\n",
            "config.toml: line 2: quit: 'ctrl-c' is reserved (it always interrupts)",
        ),
        (
            "[keys]\nquit = [\"x\"]\ntop = [\"x\"]\n",
            "config.toml: line 3: 'x' is bound to both quit and top",
        ),
        (
            "[keys]\nquit = \"q\"  # a comment\n",
            "config.toml: line 2: quit: expected a list, like [\"q\"]",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(error(text), expected, "{text:?}");
    }
}

#[test]
fn syntax_errors_are_one_line_with_a_line_number() {
    for (text, line) in [
        ("mouse = true\n[keys\n", 2),
        ("mouse = true\nmouse = false\n", 2),
        ("theme = dark\n", 1),
    ] {
        let message = error(text);
        assert!(
            message.starts_with(&format!("config.toml: line {line}: ")),
            "{message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}

#[test]
fn the_effective_config_lists_everything_and_reads_back_the_same() {
    let config = parse(
        "theme = \"mono\"\nsidebar_width = 40\n[keys]\nquit = [\"Q\", \"'\"]\ngo_to_mark = [\"`\"]\n",
    )
    .unwrap();
    let printed = config.effective_toml();
    for setting in [
        "theme = \"mono\"",
        "measure = \"comfortable\"",
        "sidebar_width = 40",
        "sidebar_side = \"auto\"",
        "mouse = true",
        "remember_position = true",
        "[keys]",
    ] {
        assert!(printed.contains(setting), "{setting} missing:\n{printed}");
    }
    for action in Action::BINDABLE {
        assert!(
            printed.contains(&format!("\n{} = [", action.name())),
            "{} missing",
            action.name()
        );
    }
    assert!(
        printed.contains("page_down = [\"space\", \"pgdn\", \"ctrl-f\"]"),
        "{printed}"
    );
    let again = parse(&printed).expect("the printed config reads back");
    // Every setting but the keys as written (printed, every action's keys are listed).
    let settings = |c: &Config| Config {
        keys: Default::default(),
        ..c.clone()
    };
    assert_eq!(settings(&again), settings(&config));
    assert_eq!(
        again.keymap().unwrap().describe(),
        config.keymap().unwrap().describe()
    );
    // The defaults print and read back too.
    let printed = Config::default().effective_toml();
    assert!(printed.contains("sidebar_width = \"auto\""), "{printed}");
    assert!(printed.contains("sidebar_lines = 3"), "{printed}");
    assert!(printed.contains("tints = true"), "{printed}");
    let defaults = parse(&printed).unwrap();
    assert_eq!(settings(&defaults), Config::default());
    assert_eq!(
        defaults.keymap().unwrap().describe(),
        Keymap::default().describe()
    );
}
