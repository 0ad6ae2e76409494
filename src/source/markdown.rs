//! The Markdown loader (CommonMark via `pulldown-cmark`): headings become sections, the
//! first `#` heading the title; front matter gives title, author and date; emphasis, code
//! and links become styled spans, with link targets kept in `Document::links`.

use pulldown_cmark::{Alignment, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::document::{Document, InlineStyle, Metadata, ParagraphKind};

use super::builder::DocBuilder;
use super::grid::{self, Align, Table};
use super::{date, frontmatter};

/// A parsed Markdown document and how many controls and invisible characters were
/// removed from its text (entities such as `&#27;` can produce them).
pub struct Parsed {
    pub document: Document,
    pub removed_sequences: usize,
    pub removed_invisible: usize,
}

pub fn parse(text: &str) -> Document {
    parse_counted(text).document
}

pub fn parse_counted(text: &str) -> Parsed {
    parse_with(text, false)
}

/// Parses Markdown; with `literal_html` (plain text read as Markdown), what looks like HTML
/// is shown as the text it is (`git add <pathspec>`). Otherwise raw HTML is not rendered,
/// but a "tag" that is no HTML element (`<pathspec>`) is still shown as text.
pub fn parse_with(text: &str, literal_html: bool) -> Parsed {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES;
    let mut state = State {
        literal_html,
        ..State::default()
    };
    for event in Parser::new_ext(text, options) {
        state.event(event);
    }
    state.finish()
}

#[derive(Default)]
struct State {
    out: DocBuilder,
    meta: Metadata,
    front_title: bool,
    metadata: Option<(MetadataBlockKind, String)>,
    /// Heading being read: level and text.
    heading: Option<(u8, String)>,
    quote_depth: usize,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The current list item's paragraph is open and still empty: a loose item's first
    /// paragraph goes into it.
    item_open: bool,
    /// Inside an image: its alt text, shown as "[image: …]" when the image ends.
    image: Option<String>,
    /// A table being read, and the cell being read in it.
    table: Option<Table>,
    cell: Option<String>,
    /// Raw HTML is shown as text (plain text read as Markdown).
    literal_html: bool,
}

impl State {
    fn body_kind(&self) -> ParagraphKind {
        ParagraphKind::in_context(self.lists.len(), self.quote_depth)
    }

    fn text(&mut self, text: &str) {
        if let Some(alt) = self.image.as_mut() {
            alt.push_str(text);
        } else if let Some(cell) = self.cell.as_mut() {
            cell.push_str(text);
        } else if let Some((_, block)) = self.metadata.as_mut() {
            block.push_str(text);
        } else if let Some((_, heading)) = self.heading.as_mut() {
            heading.push_str(text);
        } else {
            self.item_open = false;
            self.out.text(text);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                if self.heading.is_some() || self.cell.is_some() || self.image.is_some() {
                    self.text(&code);
                } else {
                    self.out.open_style(InlineStyle::Code);
                    self.text(&code);
                    self.out.close_style(InlineStyle::Code);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.out.rule(),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math),
            // Raw HTML inside Markdown is not rendered (it may hold scripts or styles), but
            // what only looks like a tag is text.
            Event::Html(html) | Event::InlineHtml(html) => {
                if self.literal_html || !is_html_tag(&html) {
                    self.text(&html);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            // A loose list item's first paragraph goes into the item's open paragraph.
            Tag::Paragraph if self.item_open && self.out.is_empty() => {}
            Tag::Paragraph => self.out.start(self.body_kind()),
            Tag::Heading { level, .. } => {
                self.out.finish_paragraph();
                self.heading = Some((level as u8, String::new()));
            }
            Tag::BlockQuote(_) => {
                self.out.finish_paragraph();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.out.start(ParagraphKind::Code),
            Tag::List(first) => {
                self.out.finish_paragraph();
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_string(),
                };
                self.out.start(ParagraphKind::ListItem { marker, depth });
                self.item_open = true;
            }
            Tag::Emphasis => self.out.open_style(InlineStyle::Emphasis),
            Tag::Strong => self.out.open_style(InlineStyle::Strong),
            Tag::Link { dest_url, .. } if self.heading.is_none() => {
                self.out.open_link(&dest_url);
            }
            Tag::Image { .. } => self.image = Some(String::new()),
            Tag::HtmlBlock if self.literal_html => self.out.start(self.body_kind()),
            Tag::Table(alignments) => {
                self.out.finish_paragraph();
                self.table = Some(Table {
                    align: alignments.iter().map(|a| align(*a)).collect(),
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.rows.push(Vec::new());
                }
            }
            Tag::TableCell => self.cell = Some(String::new()),
            Tag::MetadataBlock(kind) => self.metadata = Some((kind, String::new())),
            Tag::FootnoteDefinition(label) => {
                self.out.start(ParagraphKind::Body);
                self.text(&format!("[{label}] "));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.item_open = false;
                self.out.finish_paragraph();
            }
            TagEnd::Heading(_) => {
                if let Some((level, text)) = self.heading.take() {
                    self.heading_done(level, &text);
                }
            }
            TagEnd::BlockQuote(_) => {
                self.out.finish_paragraph();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => self.out.finish_paragraph(),
            TagEnd::List(_) => {
                self.out.finish_paragraph();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.out.close_style(InlineStyle::Emphasis),
            TagEnd::Strong => self.out.close_style(InlineStyle::Strong),
            TagEnd::Link if self.heading.is_none() => self.out.close_link(),
            TagEnd::Image => {
                if let Some(alt) = self.image.take() {
                    let alt = grid::cell_text(&alt);
                    let shown = if alt.is_empty() {
                        "[image]".to_string()
                    } else {
                        format!("[image: {alt}]")
                    };
                    self.text(&shown);
                }
            }
            TagEnd::HtmlBlock if self.literal_html => self.out.finish_paragraph(),
            TagEnd::TableCell => {
                if let (Some(cell), Some(table)) = (self.cell.take(), self.table.as_mut())
                    && let Some(row) = table.rows.last_mut()
                {
                    row.push(grid::cell_text(&cell));
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = self.table.as_mut() {
                    table.header_rows = table.rows.len();
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.out.start(ParagraphKind::Table);
                    self.out.text(&table.draw());
                    self.out.finish_paragraph();
                }
            }
            TagEnd::MetadataBlock(_) => {
                if let Some((kind, block)) = self.metadata.take() {
                    self.front_matter(kind, &block);
                }
            }
            _ => {}
        }
    }

    fn heading_done(&mut self, level: u8, text: &str) {
        let title = self.out.clean(text);
        let is_title = level == 1
            && self.meta.title.is_none()
            && self.out.paragraph_count() == 0
            && !self.front_title;
        if is_title {
            self.meta.title = Some(title);
        } else if self.front_title && self.meta.title.as_deref() == Some(title.as_str()) {
            // The front-matter title repeated as the first heading.
        } else {
            self.out.section(&title, level);
        }
    }

    fn front_matter(&mut self, kind: MetadataBlockKind, block: &str) {
        let fm = match kind {
            MetadataBlockKind::YamlStyle => frontmatter::parse_yaml(block),
            MetadataBlockKind::PlusesStyle => frontmatter::parse_toml(block),
        };
        if fm.title.is_some() {
            self.front_title = true;
            self.meta.title = fm.title;
        }
        self.meta.byline = fm.author;
        self.meta.date = fm.date.map(|d| date::normalize(&d));
        self.meta.dek = fm.description;
    }

    fn finish(self) -> Parsed {
        let (document, removed_sequences, removed_invisible) = self.out.finish(self.meta);
        Parsed {
            document,
            removed_sequences,
            removed_invisible,
        }
    }
}

fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::Right => Align::Right,
        Alignment::Center => Align::Center,
        Alignment::None | Alignment::Left => Align::Left,
    }
}

/// HTML elements raw HTML in Markdown may name; `<pathspec>` or `<file>` is not one.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether raw HTML is a real tag, a comment or a declaration (not rendered), rather than
/// text in angle brackets.
fn is_html_tag(html: &str) -> bool {
    let t = html.trim_start();
    if t.starts_with("<!") || t.starts_with("<?") {
        return true;
    }
    let name: String = t
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    HTML_ELEMENTS.contains(&name.as_str())
}
