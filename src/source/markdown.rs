//! The Markdown loader (CommonMark via `pulldown-cmark`): headings become sections, the
//! first `#` heading the title; front matter gives title, author and date; emphasis, code
//! and links become styled spans, with link targets kept in `Document::links`.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::document::{Document, InlineStyle, Metadata, ParagraphKind};

use super::builder::DocBuilder;
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
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut state = State::default();
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
    /// Inside an image: its alt text is not shown.
    image_depth: usize,
}

impl State {
    fn body_kind(&self) -> ParagraphKind {
        ParagraphKind::in_context(self.lists.len(), self.quote_depth)
    }

    fn text(&mut self, text: &str) {
        if self.image_depth > 0 {
            return;
        }
        if let Some((_, block)) = self.metadata.as_mut() {
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
                if self.heading.is_some() {
                    self.text(&code);
                } else {
                    self.out.open_style(InlineStyle::Code);
                    self.text(&code);
                    self.out.close_style(InlineStyle::Code);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.out.finish_paragraph(),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math),
            // Raw HTML inside Markdown is not rendered (it may hold scripts or styles).
            Event::Html(_) | Event::InlineHtml(_) => {}
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
            Tag::Image { .. } => self.image_depth += 1,
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
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
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
