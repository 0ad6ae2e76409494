//! The HTML loader: finds the main article with `dom_smoothie` (a port of Mozilla's
//! Readability on html5ever), then turns the article's elements into paragraphs, quotes,
//! list items, code blocks and sections, with inline emphasis, code and links as spans.
//!
//! Title, byline and date are read from the whole page first (Readability removes bylines
//! and takes no `<time>` elements). Readability sees the page as published; the byline and
//! dateline blocks are removed from what it extracted (removing them from its input changes
//! its scores, and it can then pick the comment thread). When extraction yields nothing to
//! read, the page's visible text is read instead.

use dom_query::{Document as Dom, NodeRef};
use std::panic::AssertUnwindSafe;

use dom_smoothie::Readability;

use crate::document::{Document, InlineStyle, Metadata, ParagraphKind};

use super::builder::DocBuilder;
use super::grid::{self, Table};
use super::{date, nesting};

pub struct Parsed {
    pub document: Document,
    pub removed_sequences: usize,
    pub removed_invisible: usize,
}

pub fn parse(html: &str) -> Parsed {
    let html = nesting::limit_depth(html);
    let html = html.as_ref();
    let page = Dom::from(html);
    let page_meta = PageMeta::read(&page);
    // A panic inside the extractor on some odd page must not take the reader down: the
    // plain walk over the page is the fallback.
    let article = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let mut readability = Readability::with_document(page, None, None).ok()?;
        readability.parse().ok()
    }))
    .ok()
    .flatten();
    let (content, readability_title, readability_byline, readability_date) = match article {
        Some(a) if !a.text_content.trim().is_empty() => (
            Some(Dom::from(a.content.as_ref())),
            Some(a.title),
            a.byline,
            a.published_time,
        ),
        _ => (None, None, None, None),
    };

    let title = page_meta.title(readability_title.filter(|t| !t.trim().is_empty()));
    let byline = page_meta
        .byline
        .clone()
        .or(readability_byline)
        .map(|b| strip_by(&b));
    let date = page_meta
        .date
        .clone()
        .or(readability_date)
        .map(|d| date::normalize(&d));
    let meta = Metadata {
        title,
        dek: None,
        byline,
        date,
    };

    if let Some(content) = content {
        remove_byline_and_dateline(&content);
        let parsed = walk(&content, meta.clone());
        if !parsed.document.paragraphs.is_empty() {
            return parsed;
        }
    }
    // Extraction found nothing to read (a layout table, a cookie banner taken for the
    // article): the page's visible text without its furniture, else all of it.
    let parsed = walk(&fallback_body(html, true), meta.clone());
    if !parsed.document.paragraphs.is_empty() {
        return parsed;
    }
    walk(&fallback_body(html, false), meta)
}

/// The document made of `content`'s elements, with `meta`.
fn walk(content: &Dom, meta: Metadata) -> Parsed {
    let mut walker = Walker {
        out: DocBuilder::new(),
        title: meta.title.clone(),
        quote_depth: 0,
        lists: Vec::new(),
        pending_marker: None,
        open: false,
    };
    walker.children(&content.root(), 0);
    let (document, removed_sequences, removed_invisible) = walker.out.finish(meta);
    Parsed {
        document,
        removed_sequences,
        removed_invisible,
    }
}

/// Metadata read from the page before Readability changes it.
#[derive(Debug, Default)]
struct PageMeta {
    /// The article's `<h1>` (inside `<article>` or `<main>` if there is one, else the
    /// page's only `<h1>`).
    heading: Option<String>,
    /// `og:title`, else `<title>` without the site's name.
    title_tag: Option<String>,
    byline: Option<String>,
    date: Option<String>,
}

impl PageMeta {
    /// The title: what the page declares (`og:title`, else `<title>` less the site's
    /// name), in the words of the article's `<h1>` when that agrees with it; a lone `<h1>`
    /// that does not (the site's name over every page: "Silicon Exposed") is not the
    /// title. With nothing declared, the `<h1>`, else what Readability found.
    fn title(&self, readability: Option<String>) -> Option<String> {
        match (&self.heading, &self.title_tag) {
            (Some(heading), Some(declared)) if titles_agree(heading, declared) => {
                Some(heading.clone())
            }
            (_, Some(declared)) => Some(declared.clone()),
            (Some(heading), None) => Some(heading.clone()),
            (None, None) => readability,
        }
    }
}

/// Whether two titles name the same article: the same words, one inside the other, or
/// most words shared (a subtitle or a site's name added to one of them).
fn titles_agree(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (joined_a, joined_b) = (a.join(" "), b.join(" "));
    if joined_a.contains(&joined_b) || joined_b.contains(&joined_a) {
        // "Silicon Exposed" inside "Why compilers are slow" would be no agreement, but a
        // contained title must be more than a word or two of the other.
        let (short, long) = if a.len() <= b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        return short.len() * 2 >= long.len() || short.len() >= 4;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared * 3 >= a.len().max(b.len()) * 2
}

impl PageMeta {
    fn read(page: &Dom) -> PageMeta {
        let text_of = |selector: &str| -> Option<String> {
            page.select(selector)
                .nodes()
                .iter()
                .map(|n| collapse(n.text().as_ref()))
                .find(|t| !t.is_empty())
        };
        let attr_of = |selector: &str, attr: &str| -> Option<String> {
            page.select(selector)
                .nodes()
                .iter()
                .filter_map(|n| n.attr(attr).map(|v| collapse(v.as_ref())))
                .find(|t| !t.is_empty())
        };
        let heading = text_of("article h1, main h1, [role=main] h1").or_else(|| {
            let all = page.select("body h1");
            (all.length() == 1).then(|| collapse(&all.text()))
        });
        let og_title = attr_of(
            "meta[property='og:title'], meta[name='twitter:title']",
            "content",
        );
        let site = attr_of(
            "meta[property='og:site_name'], meta[name='application-name']",
            "content",
        );
        let title_tag = og_title
            .or_else(|| text_of("head title").map(|t| strip_site_name(&t, site.as_deref())));
        let byline = attr_of(
            "meta[name=author], meta[property='article:author'], meta[name='dc.creator']",
            "content",
        )
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            text_of(
                "article [rel=author], article .byline, article [itemprop=author], \
                 [rel=author], .byline, [itemprop=author], .author",
            )
        });
        let date = attr_of(
            "meta[property='article:published_time'], meta[itemprop=datePublished], \
             meta[name=date], meta[name='dc.date']",
            "content",
        )
        .or_else(|| attr_of("article time[datetime], time[datetime]", "datetime"))
        .or_else(|| text_of("article time, time"));
        PageMeta {
            heading,
            title_tag,
            byline,
            date,
        }
    }
}

/// Longest text of a byline or dateline block, in characters: longer blocks are content
/// (an author biography, a paragraph mentioning a date) and stay.
const MAX_BYLINE_CHARS: usize = 120;

/// Containers a byline or dateline block is never widened to.
const CONTAINERS: &[&str] = &["html", "body", "main", "article", "section"];

/// Removes the byline and dateline blocks (their content is already in the metadata) from
/// the extracted article, so they do not open the body: the highest short block around
/// each byline element or stand-alone `<time>`, when that element is most of it.
fn remove_byline_and_dateline(content: &Dom) {
    let bylines = content.select(
        ".byline, [rel=author], [itemprop=author], .dateline, .author, .article-meta, \
         .post-meta, time",
    );
    for node in bylines.nodes() {
        let mut block = *node;
        while let Some(parent) = block.parent() {
            let name = parent.node_name().unwrap_or_default().to_ascii_lowercase();
            if !parent.is_element()
                || CONTAINERS.contains(&name.as_str())
                || collapse(parent.text().as_ref()).chars().count() > MAX_BYLINE_CHARS
            {
                break;
            }
            block = parent;
        }
        let block_text = collapse(block.text().as_ref());
        let block_chars = block_text.chars().count();
        let short = block_chars <= MAX_BYLINE_CHARS;
        // The block is the byline ("By Ann Lee on 4 March"), not a short paragraph that
        // mentions a date ("Scripts doubled since <time>2015</time>, and images too.").
        let own_chars = collapse(node.text().as_ref()).chars().count();
        let mostly_byline = own_chars * 5 >= block_chars * 2
            || block_text
                .get(..3)
                .is_some_and(|by| by.eq_ignore_ascii_case("by "));
        let standalone = block.id != node.id || {
            // A `<time>` (or author link) inside running text stays where it is.
            let parent = block.parent();
            parent.is_none_or(|p| {
                let name = p.node_name().unwrap_or_default().to_ascii_lowercase();
                CONTAINERS.contains(&name.as_str()) || name == "div" || name == "header"
            })
        };
        if short && mostly_byline && standalone {
            block.remove_from_parent();
        }
    }
}

/// "Article title | Site" → "Article title": the site's name removed when the page gives
/// it (`og:site_name`) and the title has it before or after a separator, else the longest
/// part when separated by " | ", " - ", " – ", " — ", " :: " or " · ".
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", ": "] {
            let rest = title
                .strip_suffix(site)
                .and_then(|t| t.strip_suffix(sep))
                .or_else(|| title.strip_prefix(site).and_then(|t| t.strip_prefix(sep)));
            if let Some(rest) = rest.filter(|r| !r.trim().is_empty()) {
                return rest.trim().to_string();
            }
        }
    }
    strip_site_suffix(title)
}

/// "Article title | Site" → "Article title" (the longest part, when separated by " | ",
/// " - ", " – ", " — " or " :: ").
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if title.contains(sep) {
            return title
                .split(sep)
                .max_by_key(|part| part.chars().count())
                .unwrap_or(title)
                .trim()
                .to_string();
        }
    }
    title.trim().to_string()
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(byline: &str) -> String {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start().to_string(),
        _ => trimmed.to_string(),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// When Readability finds nothing: the page's body without boilerplate elements (with
/// `without_furniture`), or without only what is never visible.
fn fallback_body(html: &str, without_furniture: bool) -> Dom {
    let dom = Dom::from(html);
    dom.select("script, style, noscript, template, iframe, svg")
        .remove();
    if without_furniture {
        dom.select("nav, header, footer, aside, form").remove();
    }
    dom
}

/// Elements never shown (Readability removes most; these also cover the fallback).
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "input", "select", "textarea", "iframe", "object", "embed", "svg", "canvas", "video",
    "audio", "head", "title", "meta", "link", "dialog", "source",
];

/// Elements that start and end a paragraph around them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "center",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "fieldset",
    "hgroup",
    "figure",
    "figcaption",
];

/// Past this nesting depth an element's text is read as one run (hostile pages can nest
/// deeply enough to exhaust the stack).
const MAX_DEPTH: usize = 256;

struct Walker {
    out: DocBuilder,
    title: Option<String>,
    quote_depth: usize,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker for the next paragraph (the first of a list item) and its depth.
    pending_marker: Option<(String, usize)>,
    /// Whether a paragraph is open in `out`.
    open: bool,
}

impl Walker {
    fn begin(&mut self) {
        let kind = match self.pending_marker.take() {
            Some((marker, depth)) => ParagraphKind::ListItem { marker, depth },
            None => ParagraphKind::in_context(self.lists.len(), self.quote_depth),
        };
        self.out.start(kind);
        self.open = true;
    }

    fn end(&mut self) {
        if self.open {
            self.out.finish_paragraph();
            self.open = false;
        }
    }

    fn text(&mut self, text: &str) {
        if !self.open {
            if text.trim().is_empty() {
                return;
            }
            self.begin();
        }
        self.out.text(text);
    }

    fn children(&mut self, node: &NodeRef<'_>, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, depth: usize) {
        if node.is_text() {
            self.text(&node.text());
            return;
        }
        if !node.is_element() {
            if node.is_document() || node.is_fragment() {
                self.children(node, depth);
            }
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || is_hidden(node) {
            return;
        }
        if depth > MAX_DEPTH {
            self.text(&node.text());
            return;
        }
        match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end();
                let text = collapse(&node.text());
                let level = name.as_bytes()[1] - b'0';
                let repeats_title = self
                    .title
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case(&text));
                if !repeats_title {
                    self.out.section(&text, level);
                }
            }
            "pre" => {
                self.end();
                self.out.start(ParagraphKind::Code);
                self.out.text(&node.text());
                self.out.finish_paragraph();
            }
            "blockquote" => {
                self.end();
                self.quote_depth += 1;
                self.children(node, depth);
                self.end();
                self.quote_depth -= 1;
            }
            "ul" | "ol" | "menu" => {
                self.end();
                let start = if name == "ol" {
                    Some(
                        node.attr("start")
                            .and_then(|s| s.trim().parse().ok())
                            .unwrap_or(1),
                    )
                } else {
                    None
                };
                self.lists.push(start);
                self.children(node, depth);
                self.end();
                self.lists.pop();
            }
            "li" => {
                self.end();
                let list_depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_string(),
                };
                self.pending_marker = Some((marker, list_depth));
                self.children(node, depth);
                self.end();
                self.pending_marker = None;
            }
            "br" => self.text(" "),
            "hr" => {
                self.end();
                self.out.rule();
            }
            "img" => {
                let alt = node.attr("alt").map(|a| collapse(&a)).unwrap_or_default();
                if !alt.is_empty() {
                    self.text(&format!(" [image: {alt}] "));
                }
            }
            "table" if self.grid(node) => {}
            "td" | "th" => {
                self.text(" ");
                self.children(node, depth);
                self.text(" ");
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.styled(node, depth, InlineStyle::Emphasis),
            "strong" | "b" => self.styled(node, depth, InlineStyle::Strong),
            "code" | "kbd" | "samp" | "tt" => self.styled(node, depth, InlineStyle::Code),
            "a" => match node.attr("href") {
                Some(href) if !href.trim().is_empty() && !href.starts_with("javascript:") => {
                    if !self.open {
                        self.begin();
                    }
                    self.out.open_link(&href);
                    self.children(node, depth);
                    self.out.close_link();
                }
                _ => self.children(node, depth),
            },
            _ if BLOCKS.contains(&name.as_str()) => {
                self.end();
                self.children(node, depth);
                self.end();
            }
            _ => self.children(node, depth),
        }
    }

    /// Draws a table of rows and columns as a grid paragraph (its caption before it);
    /// `false` for a table that is not one (a single row or column, long cells: a layout
    /// table), which is read as blocks instead.
    fn grid(&mut self, node: &NodeRef<'_>) -> bool {
        let mut table = Table::default();
        let mut caption = String::new();
        table_rows(node, &mut table, &mut caption, false);
        let cells_short = table
            .rows
            .iter()
            .flatten()
            .all(|c| c.chars().count() <= MAX_CELL_CHARS);
        if table.rows.len() < 2 || table.columns() < 2 || !cells_short {
            return false;
        }
        let grid = table.draw();
        if grid.is_empty() {
            return false;
        }
        self.end();
        if !caption.is_empty() {
            self.out.start(ParagraphKind::in_context(
                self.lists.len(),
                self.quote_depth,
            ));
            self.out.text(&caption);
            self.out.finish_paragraph();
        }
        self.out.start(ParagraphKind::Table);
        self.out.text(&grid);
        self.out.finish_paragraph();
        true
    }

    fn styled(&mut self, node: &NodeRef<'_>, depth: usize, style: InlineStyle) {
        if !self.open {
            if node.text().trim().is_empty() {
                return;
            }
            self.begin();
        }
        self.out.open_style(style);
        self.children(node, depth);
        self.out.close_style(style);
    }
}

/// Longest cell of a table drawn as a grid, in characters: longer cells are prose laid
/// out in a table.
const MAX_CELL_CHARS: usize = 200;

/// The rows of `node`'s table (through `thead`, `tbody`, `tfoot`; not into nested tables,
/// whose text stays in its cell), its caption, and how many leading rows are headers.
fn table_rows(node: &NodeRef<'_>, table: &mut Table, caption: &mut String, in_head: bool) {
    for child in node.children_it(false) {
        if !child.is_element() || is_hidden(&child) {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        match name.as_str() {
            "caption" => *caption = collapse(&child.text()),
            "thead" => table_rows(&child, table, caption, true),
            "tbody" | "tfoot" => table_rows(&child, table, caption, false),
            "tr" => {
                let mut header = in_head;
                let mut cells = Vec::new();
                for cell in child.children_it(false) {
                    let tag = cell
                        .node_name()
                        .map(|n| n.to_ascii_lowercase())
                        .unwrap_or_default();
                    if cell.is_element() && (tag == "td" || tag == "th") {
                        header &= tag == "th" || in_head;
                        let span = cell
                            .attr("colspan")
                            .and_then(|s| s.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, 50);
                        cells.push(grid::cell_text(&cell.text()));
                        cells.extend(std::iter::repeat_n(String::new(), span - 1));
                    }
                }
                if !cells.is_empty() {
                    if header && table.header_rows == table.rows.len() {
                        table.header_rows += 1;
                    }
                    table.rows.push(cells);
                }
            }
            _ => {}
        }
    }
}

/// Elements hidden from readers (`hidden`, `aria-hidden`, `display:none`).
fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}
