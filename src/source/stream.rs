//! Loading a large plain-text file in parts, so the first screen does not wait for the
//! whole file: the first part (a screenful, cut at a paragraph break) is
//! loaded at once; the rest is read, cleaned and parsed part by part, on a background
//! thread, and appended to the document as it arrives.
//!
//! Only plain text in a single-byte-safe encoding (UTF-8 or a legacy 8-bit one) is
//! streamed: parts are cut at blank lines, which never fall inside a character there.
//! Everything else (Markdown, HTML, UTF-16, small files) loads whole.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::error::LoadError;
use super::plaintext::{self, Part};
use super::{Format, LoadOptions, Loaded, Repairs, decode, format, hash, input, prepare};
use crate::document::Document;

/// Files at least this large are streamed.
pub const STREAM_THRESHOLD: u64 = 1 << 20;
/// Bytes read for the first screen: what a large terminal shows at once (about 60 rows of
/// 150 columns beside the sidebar), and little enough to clean and parse in a fraction of
/// a millisecond. A constant, not the terminal's size, so the document does not depend on
/// the window it was opened in.
const FIRST_PART: usize = 8 << 10;
/// Bytes read per later part: small, because each part is held several times over while
/// it is read, decoded, cleaned and parsed (the peak memory of loading), and a part every
/// few tens of milliseconds is plenty for the progress display.
const LATER_PART: usize = 512 << 10;

/// The first part of a streamed file, loaded, and the means to load the rest.
pub struct Streamed {
    pub first: Loaded,
    pub rest: Box<dyn PartSource>,
}

/// The part of a file not loaded yet.
pub struct Rest {
    file: File,
    /// Bytes read but not yet parsed (after the last paragraph break).
    carry: Vec<u8>,
    /// How the carried bytes join the paragraph before them, when the last part was cut
    /// inside one.
    carry_joins: Option<&'static str>,
    encoding: Option<&'static encoding_rs::Encoding>,
    total: u64,
    consumed: u64,
    repairs: Repairs,
    finished: bool,
    keep_all: bool,
}

/// One later part, parsed.
pub struct LoadedPart {
    pub document: Document,
    /// Share of the file loaded so far, 0.0–1.0.
    pub progress: f32,
    pub last: bool,
    /// The document is the whole input and replaces what was shown (Markdown and HTML,
    /// shown from their beginning until they are loaded whole; a small standard input).
    pub replace: bool,
}

/// Where the parts after the first come from: a large file, standard input.
pub trait PartSource: Send {
    /// Reads, cleans and parses the next part; `None` once the last part was returned.
    fn next_part(&mut self) -> Option<io::Result<LoadedPart>>;
    /// Everything cleaning did over the input so far, as status-line notices.
    fn notices(&self) -> Vec<String>;
}

/// Opens a large plain-text file for streamed loading. `Ok(None)` when the file should be
/// loaded whole instead (small, not plain text, UTF-16, or an unusual beginning).
pub fn open(path: &Path, opts: &LoadOptions) -> Result<Option<Streamed>, LoadError> {
    let label = path.display().to_string();
    let fail = |error: io::Error| LoadError::new(&label, input::io_kind(&error));
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(None);
    };
    let total = metadata.len();
    if !metadata.is_file() || total < STREAM_THRESHOLD || total > opts.max_bytes {
        return Ok(None);
    }
    let encoding = match opts.encoding.as_deref() {
        Some(name) => match decode::encoding_for_label(name) {
            Some(encoding) => Some(encoding),
            None => return Ok(None),
        },
        None => None,
    };
    if encoding.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE) {
        return Ok(None);
    }
    let mut file = File::open(path).map_err(fail)?;
    let mut head = Vec::with_capacity(FIRST_PART);
    (&mut file)
        .take(FIRST_PART as u64)
        .read_to_end(&mut head)
        .map_err(fail)?;
    if decode::has_utf16_bom(&head) || input::looks_binary(&head) {
        return Ok(None);
    }
    let format = opts
        .format
        .or_else(|| format::from_extension(path))
        .unwrap_or_else(|| format::sniff(&String::from_utf8_lossy(&head)));
    // Markdown written as plain text is read as Markdown.
    let format = if format == Format::Text
        && opts.format.is_none()
        && format::markdown_like(&String::from_utf8_lossy(&head))
    {
        Format::Markdown
    } else {
        format
    };
    if format != Format::Text {
        return open_whole_later(path, file, head, format, total, opts);
    }
    let (cut, carry_joins) = cut_point(&head);
    let carry = head.split_off(cut);
    let prepared = prepare(decode::decode(&head, encoding));
    let mut document = plaintext::parse_part_with(&prepared.text, Part::First, opts.keep_all);
    document.last_paragraph_continues = carry_joins.is_some();
    if document.paragraphs.is_empty() {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    let first = Loaded {
        document,
        name: input::printable_name(&name),
        format,
        notices: prepared.counts.notices(),
        source_bytes_hash: hash::prefix_identity(&head, total),
    };
    Ok(Some(Streamed {
        first,
        rest: Box::new(Rest {
            file,
            carry,
            carry_joins,
            encoding,
            total,
            consumed: head.len() as u64,
            repairs: prepared.counts,
            finished: false,
            keep_all: opts.keep_all,
        }),
    }))
}

/// Bytes of a large HTML file shown before it is loaded whole: its menus and header may
/// come before the article.
const FIRST_HTML_PART: usize = 64 << 10;
/// Bytes of a large Markdown file shown before it is loaded whole: a few screens.
const FIRST_MARKDOWN_PART: usize = 16 << 10;

/// A large Markdown or HTML file: its beginning parsed now (Markdown cut at a blank line),
/// the whole file read and parsed in the background, replacing it.
fn open_whole_later(
    path: &Path,
    mut file: File,
    mut head: Vec<u8>,
    format: Format,
    total: u64,
    opts: &LoadOptions,
) -> Result<Option<Streamed>, LoadError> {
    let label = path.display().to_string();
    let fail = |error: io::Error| LoadError::new(&label, input::io_kind(&error));
    let first = match format {
        Format::Html => FIRST_HTML_PART,
        _ => FIRST_MARKDOWN_PART,
    };
    (&mut file)
        .take((first - head.len().min(first)) as u64)
        .read_to_end(&mut head)
        .map_err(fail)?;
    let cut = match format {
        Format::Html => head.len(),
        _ => paragraph_break(&head).unwrap_or(head.len()),
    };
    // As the whole load will decode it: `--encoding`, else for HTML its `<meta charset>`.
    let encoding = opts
        .encoding
        .as_deref()
        .and_then(decode::encoding_for_label)
        .or_else(|| {
            (format == Format::Html)
                .then(|| super::html_meta_charset(&head))
                .flatten()
        });
    let prepared = prepare(decode::decode(&head[..cut], encoding));
    let document = super::parse(&prepared.text, format);
    if document.paragraphs.is_empty() {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    let first = Loaded {
        document,
        name: input::printable_name(&name),
        format,
        notices: prepared.counts.notices(),
        source_bytes_hash: hash::prefix_identity(&head, total),
    };
    Ok(Some(Streamed {
        first,
        rest: Box::new(WholeLater {
            path: path.to_path_buf(),
            opts: opts.clone(),
            notices: Vec::new(),
            finished: false,
        }),
    }))
}

/// A file loaded whole in the background, after its beginning was shown.
struct WholeLater {
    path: std::path::PathBuf,
    opts: LoadOptions,
    notices: Vec<String>,
    finished: bool,
}

impl PartSource for WholeLater {
    fn next_part(&mut self) -> Option<io::Result<LoadedPart>> {
        if std::mem::replace(&mut self.finished, true) {
            return None;
        }
        let spec = super::InputSpec::Path(self.path.clone());
        Some(match super::open(&spec, &self.opts) {
            Ok(loaded) => {
                self.notices = loaded.notices;
                Ok(LoadedPart {
                    document: loaded.document,
                    progress: 1.0,
                    last: true,
                    replace: true,
                })
            }
            Err(error) => Err(io::Error::other(error.to_string())),
        })
    }

    fn notices(&self) -> Vec<String> {
        self.notices.clone()
    }
}

impl PartSource for Rest {
    fn next_part(&mut self) -> Option<io::Result<LoadedPart>> {
        Rest::next_part(self)
    }

    fn notices(&self) -> Vec<String> {
        Rest::notices(self)
    }
}

impl Rest {
    /// Reads, cleans and parses the next part; `None` once the last part was returned.
    pub fn next_part(&mut self) -> Option<io::Result<LoadedPart>> {
        if self.finished {
            return None;
        }
        let mut chunk = std::mem::take(&mut self.carry);
        let want = LATER_PART.saturating_sub(chunk.len()).max(1) as u64;
        if let Err(error) = (&mut self.file).take(want).read_to_end(&mut chunk) {
            self.finished = true;
            return Some(Err(error));
        }
        let at_end = self.consumed + chunk.len() as u64 >= self.total || chunk.is_empty();
        let joins_previous = self.carry_joins.take();
        if !at_end {
            let (cut, joins) = cut_point(&chunk);
            self.carry = chunk.split_off(cut);
            self.carry_joins = joins;
        }
        self.consumed += chunk.len() as u64;
        self.finished = at_end;
        let prepared = prepare(decode::decode(&chunk, self.encoding));
        self.repairs.add(prepared.counts);
        let part = if at_end { Part::Last } else { Part::Middle };
        let mut document = plaintext::parse_part_with(&prepared.text, part, self.keep_all);
        document.joins_previous = joins_previous;
        document.last_paragraph_continues = self.carry_joins.is_some();
        Some(Ok(LoadedPart {
            document,
            progress: (self.consumed as f32 / self.total.max(1) as f32).min(1.0),
            last: at_end,
            replace: false,
        }))
    }

    /// Everything cleaning did over the whole file so far, as status-line notices.
    pub fn notices(&self) -> Vec<String> {
        self.repairs.notices()
    }
}

/// Where to end a part read as `bytes`, and how the rest joins it: after the last blank
/// line (a paragraph break) or line break, unless the part would then keep less than an
/// eighth of what was read (a paragraph longer than a part: a text without blank lines,
/// or one line of megabytes): then after the last space, the rest continuing the
/// paragraph (`Some(" ")`), else between two characters (`Some("")`). Never inside a
/// UTF-8 sequence, so a part always decodes as it would in the whole file.
fn cut_point(bytes: &[u8]) -> (usize, Option<&'static str>) {
    let enough = bytes.len() / 8;
    let line_cut = paragraph_break(bytes);
    if let Some(at) = line_cut.filter(|&at| at >= enough) {
        return (at, None);
    }
    if let Some(space) = bytes[enough..]
        .iter()
        .rposition(|&b| b == b' ' || b == b'\t')
    {
        return (enough + space + 1, Some(" "));
    }
    // Between characters: not before a UTF-8 continuation byte.
    if let Some(at) = (enough.max(1)..bytes.len())
        .rev()
        .find(|&at| bytes[at] & 0xC0 != 0x80)
    {
        return (at, Some(""));
    }
    (line_cut.unwrap_or(bytes.len()), None)
}

/// Just after the last blank line in `bytes` (a paragraph break), else after the last
/// line break.
pub(super) fn paragraph_break(bytes: &[u8]) -> Option<usize> {
    // Both kinds of blank line end in a line feed: look at line ends from the last one
    // back (one pass), the first that closes a blank line is the latest break.
    let last_line_end = bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    let mut end = last_line_end;
    while let Some(at) = end {
        let line = &bytes[..at];
        if line.ends_with(b"\n\n") || line.ends_with(b"\n\r\n") {
            return Some(at);
        }
        end = line[..at - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .map(|i| i + 1);
    }
    last_line_end.filter(|&at| at > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn big_article(paragraphs: usize) -> String {
        let mut text = String::from("A Long Report On Things\n\n");
        for i in 0..paragraphs {
            text.push_str(&format!(
                "Paragraph {i} argues that the council should fund the library, because \
                 reading matters to everyone in the town and the evidence is clear.\n\n"
            ));
        }
        text
    }

    #[test]
    fn a_large_file_streams_to_the_same_document_as_a_whole_load() {
        let text = big_article(12_000);
        assert!(text.len() as u64 > STREAM_THRESHOLD);
        let mut file = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        let opts = LoadOptions::default();
        let streamed = open(file.path(), &opts).unwrap().expect("streamed");
        let mut doc = streamed.first.document;
        let first_count = doc.paragraphs.len();
        assert!(first_count > 0 && first_count < 12_000);
        let mut rest = streamed.rest;
        let mut last = false;
        while let Some(part) = rest.next_part() {
            let part = part.unwrap();
            assert!(!last, "a part after the last");
            last = part.last;
            doc.append(part.document);
        }
        assert!(last);
        let whole = super::super::load_bytes(text.as_bytes(), "a.txt", &opts).unwrap();
        assert_eq!(doc.meta, whole.document.meta);
        assert_eq!(doc.paragraphs.len(), whole.document.paragraphs.len());
        assert_eq!(doc.text(), whole.document.text());
    }

    /// Streams `text` as a file and returns the document, appended part by part.
    fn streamed(text: &str) -> Document {
        let mut file = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        let streamed = open(file.path(), &LoadOptions::default())
            .unwrap()
            .expect("streamed");
        let mut doc = streamed.first.document;
        let mut rest = streamed.rest;
        while let Some(part) = rest.next_part() {
            doc.append(part.unwrap().document);
        }
        doc
    }

    #[test]
    fn a_paragraph_longer_than_a_part_streams_as_one_paragraph() {
        // One line of 1.5 MB (spaces between words), and the same in Chinese without a
        // single space: the parts are cut inside the paragraph and joined again.
        let sentence =
            "The council claims that the library costs too much, but U.S. readers disagree. ";
        let chinese = "这是一个关于城市交通的测试句子，我们认为它很重要。";
        for body in [sentence.repeat(19_000), chinese.repeat(21_000)] {
            let text = format!("A Title On Its Own\n\n{}\n", body.trim_end());
            assert!(text.len() as u64 > STREAM_THRESHOLD);
            let doc = streamed(&text);
            let whole = super::super::load_bytes(text.as_bytes(), "a.txt", &LoadOptions::default())
                .unwrap()
                .document;
            assert_eq!(whole.paragraphs.len(), 1);
            assert_eq!(doc.meta, whole.meta);
            assert_eq!(doc.text(), whole.text());
            assert_eq!(doc.paragraphs, whole.paragraphs);
        }
    }

    #[test]
    fn parts_are_never_cut_inside_a_character() {
        let text = "é".repeat(1000);
        let (cut, joins) = cut_point(text.as_bytes());
        assert!(text.is_char_boundary(cut));
        assert_eq!(joins, Some(""));
        assert_eq!(cut_point(b"one two three"), (8, Some(" ")));
        assert_eq!(cut_point(b"one\n\ntwo three"), (5, None));
    }

    #[test]
    fn small_files_and_other_formats_load_whole() {
        let mut small = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
        small.write_all(b"Title\n\nText.").unwrap();
        assert!(
            open(small.path(), &LoadOptions::default())
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_large_markdown_file_shows_its_beginning_then_loads_whole() {
        let mut markdown = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
        markdown.write_all(big_article(12_000).as_bytes()).unwrap();
        let opts = LoadOptions::default();
        let streamed = open(markdown.path(), &opts).unwrap().expect("shown early");
        let first = streamed.first.document.paragraphs.len();
        assert!(first > 100 && first < 12_000, "{first}");
        let mut rest = streamed.rest;
        let part = rest.next_part().unwrap().unwrap();
        assert!(part.last && part.replace);
        let whole = super::super::open(
            &super::super::InputSpec::Path(markdown.path().into()),
            &opts,
        )
        .unwrap();
        assert_eq!(part.document.text(), whole.document.text());
        assert!(rest.next_part().is_none());
    }

    #[test]
    fn breaks_are_found_at_blank_lines() {
        assert_eq!(paragraph_break(b"one\n\ntwo\nthree"), Some(5));
        assert_eq!(paragraph_break(b"one\r\n\r\ntwo"), Some(7));
        assert_eq!(paragraph_break(b"one\ntwo"), Some(4));
        assert_eq!(paragraph_break(b"no break"), None);
        assert_eq!(paragraph_break(b"a\n\nb\r\n\r\nc"), Some(8));
        assert_eq!(paragraph_break(b"a\r\n\r\nb\n\nc\nd"), Some(8));
        assert_eq!(paragraph_break(b"\n"), Some(1));
        assert_eq!(paragraph_break(b"\n\n"), Some(2));
        assert_eq!(paragraph_break(b"a\nb\n"), Some(4));
    }
}
