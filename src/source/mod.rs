//! From bytes to a document: reading, decoding, cleaning and the per-format loaders.
//!
//! Every input goes the same way: read (with a size limit) → refuse binary → decode
//! (BOM, `--encoding`, Content-Type charset, `<meta charset>`, else UTF-8 lossily) → line
//! endings to LF → controls and escape sequences removed ([`sanitize`]) → tabs expanded →
//! parsed as plain text, Markdown or HTML. What had to be repaired is reported in
//! [`Loaded::notices`].

mod builder;
pub mod date;
pub mod decode;
pub mod error;
pub mod fetch;
pub mod format;
pub mod frontmatter;
pub mod grid;
pub mod hash;
pub mod html;
pub mod input;
pub mod markdown;
pub mod nesting;
pub mod pipe;
pub mod plaintext;
pub mod redirect;
pub mod sanitize;
pub mod small_file;
pub mod stream;

use std::path::Path;
use std::time::Duration;

use crate::document::Document;

pub use error::{LoadError, LoadErrorKind};
pub use input::InputSpec;

/// The formats counterpoint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// From a name such as a `--format` value: "text"/"txt", "markdown"/"md", "html"/"htm".
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// The default size limit: 256 MiB. Larger inputs are refused before they are read.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// The default deadline for loading a URL, all of it (connecting, redirects, the whole
/// body): 30 s.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How to load: all fields optional in spirit; see [`LoadOptions::default`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// A WHATWG encoding label ("windows-1252", "latin1", "koi8-r", "utf-16le", …) for
    /// input without a byte-order mark. `None`: the Content-Type charset or HTML
    /// `<meta charset>` if any, else UTF-8.
    pub encoding: Option<String>,
    /// Inputs larger than this are refused. Default [`DEFAULT_MAX_BYTES`] (256 MiB).
    pub max_bytes: u64,
    /// Forces a format; `None` decides by extension, Content-Type, then content.
    pub format: Option<Format>,
    /// Deadline for loading a URL, from connecting to the last byte. Default
    /// [`DEFAULT_TIMEOUT`] (30 s).
    pub timeout: Duration,
    /// Keep every block of a plain text, even one that looks like a page capture's
    /// furniture (`--keep-all`, `keep_all = true`).
    pub keep_all: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            encoding: None,
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
            timeout: DEFAULT_TIMEOUT,
            keep_all: false,
        }
    }
}

/// A loaded document and how it was loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    /// The file name (without directories), the URL, or "stdin".
    pub name: String,
    /// The format it was read as.
    pub format: Format,
    /// One-line reports of repairs for the status line ("3 invalid bytes replaced",
    /// "12 control sequences removed").
    pub notices: Vec<String>,
    /// FNV-1a hash of the raw bytes (see [`hash::content_hash`]).
    pub source_bytes_hash: u64,
}

/// Parses already-decoded text in the given format. The text is not sanitised here: use
/// [`load_bytes`] for untrusted input.
pub fn parse(text: &str, format: Format) -> Document {
    match format {
        Format::Text => plaintext::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text).document,
    }
}

/// Opens and loads a document.
pub fn open(spec: &InputSpec, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    open_watched(spec, opts, &fetch::Progress::default())
}

/// [`open`], reporting a URL's download in `progress` (for a progress line).
pub fn open_watched(
    spec: &InputSpec,
    opts: &LoadOptions,
    progress: &fetch::Progress,
) -> Result<Loaded, LoadError> {
    match spec {
        InputSpec::Embedded => {
            let opts = LoadOptions {
                format: Some(Format::Text),
                encoding: None,
                ..opts.clone()
            };
            let hints = Hints::default();
            let bytes = crate::EMBEDDED_ARTICLE.as_bytes();
            load(
                bytes.into(),
                crate::EMBEDDED_NAME,
                crate::EMBEDDED_NAME,
                hints,
                &opts,
            )
        }
        InputSpec::Stdin => {
            let bytes = input::read_stdin(opts.max_bytes, sniff(opts))?;
            load(bytes.into(), "stdin", "stdin", Hints::default(), opts)
        }
        InputSpec::Path(path) => {
            let bytes = input::read_path(path, opts.max_bytes, sniff(opts))?;
            let label = path.display().to_string();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| label.clone());
            let hints = Hints {
                format: format::from_extension(path),
                charset: None,
            };
            load(bytes.into(), &label, &name, hints, opts)
        }
        InputSpec::Url(url) => {
            let fetched = fetch::fetch_watched(url, opts.max_bytes, opts.timeout, progress)?;
            let (media, charset) = fetched
                .content_type
                .as_deref()
                .map(format::split_content_type)
                .unwrap_or_default();
            let format = match format::from_media_type(&media) {
                format::ContentKind::Known(f) => Some(f),
                format::ContentKind::Text => url_path_format(url),
                format::ContentKind::NotText(media) if opts.format.is_none() => {
                    return Err(LoadError::new(url, LoadErrorKind::NotText(media)));
                }
                format::ContentKind::NotText(_) => None,
            };
            let hints = Hints { format, charset };
            load(fetched.bytes.into(), url, url, hints, opts)
        }
    }
}

/// Whether reading may stop at a binary first block: not when `--encoding` names UTF-16,
/// whose text is full of NUL bytes.
fn sniff(opts: &LoadOptions) -> input::Sniff {
    let utf16 = opts
        .encoding
        .as_deref()
        .and_then(decode::encoding_for_label)
        .is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if utf16 {
        input::Sniff::ReadAll
    } else {
        input::Sniff::RefuseBinary
    }
}

/// Loads standard input already read (see [`pipe::open_stdin`]).
pub fn load_stdin_bytes(bytes: &[u8], opts: &LoadOptions) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(LoadError::new(
            "stdin",
            LoadErrorKind::TooLarge {
                limit: opts.max_bytes,
            },
        ));
    }
    load(bytes.into(), "stdin", "stdin", Hints::default(), opts)
}

/// Loads bytes already read. `name` labels the document (its extension, if any, picks the
/// format unless `opts.format` does).
pub fn load_bytes(bytes: &[u8], name: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let hints = Hints {
        format: format::from_extension(Path::new(name)),
        charset: None,
    };
    load(bytes.into(), name, name, hints, opts)
}

/// What the container (file name, HTTP headers) says about the bytes.
#[derive(Debug, Default)]
struct Hints {
    format: Option<Format>,
    charset: Option<String>,
}

/// The format a URL's path extension names (for text/plain responses).
fn url_path_format(url: &str) -> Option<Format> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    format::from_extension(Path::new(last))
}

/// Decodes, cleans and parses `source`. Bytes it owns are freed once decoded, and cleaning
/// copies the text only where it changes it: a large file is not held several times over
/// while its parser builds its own tree.
fn load(
    source: std::borrow::Cow<'_, [u8]>,
    label: &str,
    name: &str,
    hints: Hints,
    opts: &LoadOptions,
) -> Result<Loaded, LoadError> {
    let source_bytes_hash = hash::content_hash(&source);
    let bytes: &[u8] = &source;
    let fail = |kind| LoadError::new(label, kind);
    let explicit = match opts.encoding.as_deref() {
        Some(label) => Some(
            decode::encoding_for_label(label)
                .ok_or_else(|| fail(LoadErrorKind::UnknownEncoding(label.to_string())))?,
        ),
        None => None,
    };
    let mut notices = Vec::new();
    // A declared charset is believed only when the bytes can be in it (a UTF-16 header
    // on an ASCII body, a stale legacy tag on a UTF-8 page).
    let header = hints
        .charset
        .as_deref()
        .filter(|_| explicit.is_none())
        .and_then(decode::encoding_for_label)
        .filter(|&declared| {
            let fits = decode::declared_fits(bytes, declared);
            if !fits {
                notices.push(ignored_charset(declared));
            }
            fits
        });
    let mut encoding = explicit.or(header);
    // Named by nothing, UTF-16 without a byte-order mark is told by its NUL bytes (it
    // would look binary otherwise).
    let unmarked_utf16 = match encoding {
        None => decode::utf16_without_bom(bytes),
        Some(_) => None,
    };
    encoding = encoding.or(unmarked_utf16);
    let utf16 = decode::has_utf16_bom(bytes)
        || encoding.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !utf16 && input::looks_binary(bytes) {
        return Err(fail(LoadErrorKind::Binary));
    }

    let mut decoded = decode::decode(bytes, encoding);
    let format = opts
        .format
        .or(hints.format)
        .unwrap_or_else(|| format::sniff(&decoded.text));
    if format == Format::Html
        && encoding.is_none()
        && !utf16
        && let Some(meta) = html_meta_charset(bytes)
        && meta != encoding_rs::UTF_8
        && meta != decoded_encoding(&decoded)
    {
        if decode::declared_fits(bytes, meta) {
            encoding = Some(meta);
            decoded = decode::decode(bytes, encoding);
        } else {
            notices.push(ignored_charset(meta));
        }
    }

    drop(source);
    let decoded_as = decoded.encoding;
    let Prepared { text, mut counts } = prepare(decoded);
    if text.trim().is_empty() {
        return Err(fail(LoadErrorKind::Empty));
    }
    // Plain text written the Markdown way (underlined or `#` headings, bullets) is read as
    // Markdown, its angle brackets as text; unless a format was asked for.
    let text_as_markdown =
        format == Format::Text && opts.format.is_none() && format::markdown_like(&text);
    let format = if text_as_markdown {
        Format::Markdown
    } else {
        format
    };
    let document = match format {
        Format::Text => plaintext::parse_part_with(&text, plaintext::Part::Whole, opts.keep_all),
        Format::Markdown => {
            let parsed = markdown::parse_with(&text, text_as_markdown);
            counts.sequences += parsed.removed_sequences;
            counts.invisible += parsed.removed_invisible;
            parsed.document
        }
        Format::Html => {
            let parsed = html::parse(&text);
            counts.sequences += parsed.removed_sequences;
            counts.invisible += parsed.removed_invisible;
            parsed.document
        }
    };
    if document.paragraphs.is_empty() {
        return Err(fail(LoadErrorKind::Empty));
    }
    notices.splice(0..0, counts.notices());
    if unmarked_utf16.is_some() {
        notices.push(format!("read as {decoded_as} (no byte-order mark)"));
    }
    Ok(Loaded {
        document,
        name: input::printable_name(name),
        format,
        notices,
        source_bytes_hash,
    })
}

/// What cleaning removed or replaced, for the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    pub replaced: usize,
    pub sequences: usize,
    pub invisible: usize,
}

impl Repairs {
    pub fn add(&mut self, other: Repairs) {
        self.replaced += other.replaced;
        self.sequences += other.sequences;
        self.invisible += other.invisible;
    }

    /// "3 invalid bytes replaced", "12 control sequences removed", …
    pub fn notices(&self) -> Vec<String> {
        let mut notices = Vec::new();
        if self.replaced > 0 {
            notices.push(count_notice(self.replaced, "invalid byte", "replaced"));
        }
        if self.sequences > 0 {
            notices.push(count_notice(self.sequences, "control sequence", "removed"));
        }
        if self.invisible > 0 {
            notices.push(count_notice(
                self.invisible,
                "invisible character",
                "removed",
            ));
        }
        notices
    }
}

/// Decoded text made safe: newlines normalised, escapes and controls removed, tabs
/// expanded. Done once, at load time, for every format.
struct Prepared {
    text: String,
    counts: Repairs,
}

fn prepare(decoded: decode::Decoded) -> Prepared {
    let mut text = decoded.text;
    if text.contains('\r') {
        text = decode::normalize_newlines(&text);
    }
    let (mut sequences, mut invisible) = (0, 0);
    if sanitize::needs_cleaning(&text) {
        let cleaned = sanitize::clean(&text);
        (text, sequences, invisible) = (cleaned.text, cleaned.sequences, cleaned.invisible);
    }
    if text.contains('\t') {
        text = decode::expand_tabs(&text);
    }
    Prepared {
        text,
        counts: Repairs {
            replaced: decoded.replaced,
            sequences,
            invisible,
        },
    }
}

fn decoded_encoding(decoded: &decode::Decoded) -> &'static encoding_rs::Encoding {
    decode::encoding_for_label(decoded.encoding).unwrap_or(encoding_rs::UTF_8)
}

/// "the page says gb2312, but its bytes are not: ignored".
fn ignored_charset(declared: &'static encoding_rs::Encoding) -> String {
    format!(
        "declared charset {} ignored (the bytes are not in it)",
        declared.name()
    )
}

/// How far into a page a `<meta>` charset is looked for: the HTML standard's prescan reads
/// 1,024 bytes, but pages put long `<meta>` descriptions, scripts and styles first, and
/// browsers find a later declaration by reparsing; 4 KiB finds those.
const META_SCAN_LEN: usize = 4 * 1024;

/// The encoding a `<meta charset=…>` or `<meta http-equiv=Content-Type content="…;
/// charset=…">` in the first [`META_SCAN_LEN`] bytes names (the first `<meta>` tag that
/// names a known one).
fn html_meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_LEN)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        rest = &rest[at + tag.len()..];
        let Some(charset) = tag.find("charset") else {
            continue;
        };
        let value = tag[charset + "charset".len()..].trim_start();
        let Some(value) = value.strip_prefix('=') else {
            continue;
        };
        let value: String = value
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        let Some(encoding) = decode::encoding_for_label(&value) else {
            continue;
        };
        // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard's rule).
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            return Some(encoding_rs::UTF_8);
        }
        return Some(encoding);
    }
    None
}

/// "1 invalid byte replaced", "3 control sequences removed".
fn count_notice(count: usize, what: &str, done: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {what}{plural} {done}")
}
