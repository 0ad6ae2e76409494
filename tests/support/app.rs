//! The reader's state on the embedded article, for rendering tests without a terminal.

use counterpoint::cli::maps::{self, MapSource};
use counterpoint::source::{self, InputSpec, LoadOptions};
use counterpoint::ui::App;

/// The embedded article with its annotation, in a `cols` x `rows` terminal.
pub fn embedded_app(cols: u16, rows: u16) -> App {
    let loaded = source::open(&InputSpec::Embedded, &LoadOptions::default())
        .expect("the embedded article opens");
    let doc = loaded.document;
    let map_source = MapSource::new(&InputSpec::Embedded, &doc, None, None);
    let (maps, _, _) = maps::build(&doc, map_source).expect("its annotations anchor");
    App::new(doc, loaded.name, maps, (cols, rows))
}
