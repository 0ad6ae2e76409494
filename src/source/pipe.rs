//! Standard input read as `less` reads it: the first screen from what has arrived, the rest
//! while the pipe stays open.
//!
//! A thread reads the pipe in chunks. What arrives before the pipe falls quiet (or the
//! first mebibyte) is loaded at once; if the pipe ended by then, the input is loaded whole
//! as before. Otherwise plain text follows part by part, as a large file does
//! ([`super::stream`]), and Markdown or HTML is shown from its beginning until the whole
//! input is there. At the end, an input under [`STREAM_THRESHOLD`] is loaded again whole,
//! so its document is exactly the one a file of the same bytes gives.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use super::error::{LoadError, LoadErrorKind};
use super::plaintext::{self, Part};
use super::stream::{LoadedPart, PartSource, STREAM_THRESHOLD, paragraph_break};
use super::{Format, Hints, LoadOptions, Loaded, Repairs, decode, format, hash, input, prepare};

/// How long the pipe must be quiet before what has arrived is the first screen: a file
/// `cat` writes whole ends within it (and is then loaded whole), and it is little beside a
/// start (`less` draws in about 3 ms).
const FIRST_QUIET: Duration = Duration::from_millis(1);
/// Quiet this long, what has arrived since is shown up to its last paragraph break…
const QUIET: Duration = Duration::from_millis(30);
/// …and quiet this long, up to its last line break (a producer that writes a line at a
/// time, slowly).
const LONG_QUIET: Duration = Duration::from_millis(300);
/// Bytes read per read of the pipe.
const CHUNK: usize = 64 << 10;
/// Bytes gathered before a later part is parsed, as for files.
const LATER_PART: usize = 512 << 10;

/// Standard input: all of it (the pipe ended while the first screen was gathered), or its
/// beginning loaded and the rest to come.
pub enum Stdin {
    Whole(Vec<u8>),
    Streaming {
        first: Box<Loaded>,
        rest: Box<PipeRest>,
    },
}

/// Reads standard input until it ends or falls quiet; see the module comment.
pub fn open_stdin(opts: &LoadOptions) -> Result<Stdin, LoadError> {
    open_reader(io::stdin(), opts)
}

/// [`open_stdin`] on any reader (tests use a pipe of their own).
pub fn open_reader(
    reader: impl Read + Send + 'static,
    opts: &LoadOptions,
) -> Result<Stdin, LoadError> {
    let chunks = spawn_reader(reader);
    let fail = |kind| LoadError::new("stdin", kind);
    let too_large = || {
        fail(LoadErrorKind::TooLarge {
            limit: opts.max_bytes,
        })
    };
    // The first data: wait as long as it takes (Ctrl-C still works: the terminal is not
    // taken yet).
    let mut head = match chunks.recv() {
        Ok(chunk) => chunk.map_err(|e| fail(input::io_kind(&e)))?,
        Err(_) => return Ok(Stdin::Whole(Vec::new())),
    };
    let mut ended = false;
    while head.len() < STREAM_THRESHOLD as usize {
        match chunks.recv_timeout(FIRST_QUIET) {
            Ok(chunk) => head.extend(chunk.map_err(|e| fail(input::io_kind(&e)))?),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => {
                ended = true;
                break;
            }
        }
        if head.len() as u64 > opts.max_bytes {
            return Err(too_large());
        }
    }
    let utf16 = decode::has_utf16_bom(&head)
        || decode::utf16_without_bom(&head).is_some()
        || opts
            .encoding
            .as_deref()
            .and_then(decode::encoding_for_label)
            .is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !utf16 && input::looks_binary(&head) {
        return Err(fail(LoadErrorKind::Binary));
    }
    if ended || utf16 {
        // All there, or not safe to cut into parts: read to the end and load whole.
        for chunk in chunks {
            head.extend(chunk.map_err(|e| fail(input::io_kind(&e)))?);
            if head.len() as u64 > opts.max_bytes {
                return Err(too_large());
            }
        }
        return Ok(Stdin::Whole(head));
    }
    let encoding = match opts.encoding.as_deref() {
        Some(label) => Some(
            decode::encoding_for_label(label)
                .ok_or_else(|| fail(LoadErrorKind::UnknownEncoding(label.to_string())))?,
        ),
        None => None,
    };
    let sniffed = String::from_utf8_lossy(&head[..head.len().min(64 << 10)]).into_owned();
    let format = opts
        .format
        .unwrap_or_else(|| match format::sniff(&sniffed) {
            Format::Text if format::markdown_like(&sniffed) => Format::Markdown,
            other => other,
        });
    let by_parts = format == Format::Text;
    // The pipe is quiet: show everything up to the last line break (a paragraph cut by a
    // pause is put right when the whole input is loaded again at the end).
    let cut = match format {
        Format::Html => head.len(),
        _ => head
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(head.len(), |i| i + 1),
    };
    let prepared = prepare(decode::decode(&head[..cut], encoding));
    let document = match format {
        Format::Text => plaintext::parse_part_with(&prepared.text, Part::First, opts.keep_all),
        other => super::parse(&prepared.text, other),
    };
    if document.paragraphs.is_empty() {
        // Nothing to show yet (a header alone): wait for the whole input.
        for chunk in chunks {
            head.extend(chunk.map_err(|e| fail(input::io_kind(&e)))?);
            if head.len() as u64 > opts.max_bytes {
                return Err(too_large());
            }
        }
        return Ok(Stdin::Whole(head));
    }
    let first = Loaded {
        document,
        name: "stdin".into(),
        format,
        notices: prepared.counts.notices(),
        source_bytes_hash: hash::prefix_identity(&head[..cut], 0),
    };
    let carry = if by_parts {
        head[cut..].to_vec()
    } else {
        Vec::new()
    };
    Ok(Stdin::Streaming {
        first: Box::new(first),
        rest: Box::new(PipeRest {
            chunks,
            all: head,
            carry,
            by_parts,
            encoding,
            repairs: prepared.counts,
            opts: opts.clone(),
            notices: None,
            finished: false,
            quiet: Duration::ZERO,
        }),
    })
}

/// Reads `reader` on its own thread, chunk by chunk; the channel closes at its end.
fn spawn_reader(mut reader: impl Read + Send + 'static) -> Receiver<io::Result<Vec<u8>>> {
    let (sender, chunks) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = vec![0; CHUNK];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    if sender.send(Ok(buffer[..n].to_vec())).is_err() {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = sender.send(Err(e));
                    break;
                }
            }
        }
    });
    chunks
}

/// The part of standard input not shown yet.
pub struct PipeRest {
    chunks: Receiver<io::Result<Vec<u8>>>,
    /// Every byte so far, while the input is small enough to be loaded again whole at the
    /// end (or is not plain text, which is only loaded whole).
    all: Vec<u8>,
    /// Plain text read but not parsed yet (after the last line break).
    carry: Vec<u8>,
    /// Plain text, parsed part by part; else loaded whole at the end.
    by_parts: bool,
    encoding: Option<&'static encoding_rs::Encoding>,
    repairs: Repairs,
    opts: LoadOptions,
    /// The notices of the whole input loaded at the end.
    notices: Option<Vec<String>>,
    finished: bool,
    /// How long the pipe has been quiet since the last chunk.
    quiet: Duration,
}

impl PipeRest {
    /// Whether every byte so far is kept for a whole load at the end.
    fn keeps_all(&self) -> bool {
        !self.by_parts || (self.all.len() as u64) < STREAM_THRESHOLD
    }

    fn part(&mut self, bytes: &[u8], part: Part) -> LoadedPart {
        let prepared = prepare(decode::decode(bytes, self.encoding));
        self.repairs.add(prepared.counts);
        LoadedPart {
            document: plaintext::parse_part_with(&prepared.text, part, self.opts.keep_all),
            progress: 0.0,
            last: part == Part::Last,
            replace: false,
        }
    }

    /// The end of the input: the whole input loaded again if it was kept, else the last
    /// part.
    fn end(&mut self) -> io::Result<LoadedPart> {
        self.finished = true;
        if self.keeps_all() {
            let all = std::mem::take(&mut self.all);
            let loaded = super::load(all.into(), "stdin", "stdin", Hints::default(), &self.opts)
                .map_err(|e| io::Error::other(e.to_string()))?;
            self.notices = Some(loaded.notices);
            return Ok(LoadedPart {
                document: loaded.document,
                progress: 1.0,
                last: true,
                replace: true,
            });
        }
        let carry = std::mem::take(&mut self.carry);
        Ok(self.part(&carry, Part::Last))
    }
}

impl PartSource for PipeRest {
    fn next_part(&mut self) -> Option<io::Result<LoadedPart>> {
        if self.finished {
            return None;
        }
        loop {
            match self.chunks.recv_timeout(QUIET) {
                Ok(Ok(chunk)) => {
                    self.quiet = Duration::ZERO;
                    if self.keeps_all() {
                        self.all.extend_from_slice(&chunk);
                        if (self.all.len() as u64) > self.opts.max_bytes {
                            self.finished = true;
                            return Some(Err(io::Error::other(format!(
                                "more than {} bytes",
                                self.opts.max_bytes
                            ))));
                        }
                    }
                    if !self.by_parts {
                        continue;
                    }
                    if !self.keeps_all() {
                        self.all = Vec::new();
                    }
                    self.carry.extend_from_slice(&chunk);
                    if self.carry.len() >= LATER_PART {
                        let cut = paragraph_break(&self.carry).unwrap_or(self.carry.len());
                        let rest = self.carry.split_off(cut);
                        let part = std::mem::replace(&mut self.carry, rest);
                        return Some(Ok(self.part(&part, Part::Middle)));
                    }
                }
                Ok(Err(error)) => {
                    self.finished = true;
                    return Some(Err(error));
                }
                Err(RecvTimeoutError::Timeout) => {
                    // Quiet: show what came, up to its last paragraph break, or after a
                    // longer quiet its last line break.
                    self.quiet += QUIET;
                    let cut = if self.quiet >= LONG_QUIET {
                        self.carry.iter().rposition(|&b| b == b'\n').map(|i| i + 1)
                    } else {
                        paragraph_break(&self.carry).filter(|&at| {
                            self.carry[..at].ends_with(b"\n\n")
                                || self.carry[..at].ends_with(b"\n\r\n")
                        })
                    };
                    if self.by_parts
                        && let Some(at) = cut
                    {
                        let rest = self.carry.split_off(at);
                        let part = std::mem::replace(&mut self.carry, rest);
                        return Some(Ok(self.part(&part, Part::Middle)));
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Some(self.end()),
            }
        }
    }

    fn notices(&self) -> Vec<String> {
        self.notices
            .clone()
            .unwrap_or_else(|| self.repairs.notices())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A pipe whose writing end the test holds.
    fn pipe() -> (std::io::PipeReader, std::io::PipeWriter) {
        std::io::pipe().expect("a pipe")
    }

    const ARTICLE: &str = "Why the library matters\n\nThe council should fund the library, \
        because reading matters to everyone in the town.\n\nCritics say it costs too much, but \
        the evidence is clear.\n";

    #[test]
    fn an_input_that_ends_at_once_is_loaded_whole() {
        let (reader, mut writer) = pipe();
        writer.write_all(ARTICLE.as_bytes()).unwrap();
        drop(writer);
        match open_reader(reader, &LoadOptions::default()).unwrap() {
            Stdin::Whole(bytes) => assert_eq!(bytes, ARTICLE.as_bytes()),
            Stdin::Streaming { .. } => panic!("should be whole"),
        }
    }

    #[test]
    fn an_open_pipe_shows_what_came_then_the_whole_at_its_end() {
        let (reader, mut writer) = pipe();
        writer.write_all(ARTICLE.as_bytes()).unwrap();
        let Stdin::Streaming { first, mut rest } =
            open_reader(reader, &LoadOptions::default()).unwrap()
        else {
            panic!("should stream while the pipe is open");
        };
        assert_eq!(
            first.document.meta.title.as_deref(),
            Some("Why the library matters")
        );
        assert_eq!(first.document.paragraphs.len(), 2);
        writer
            .write_all(b"\nA third paragraph came later, after a pause.\n")
            .unwrap();
        let part = rest.next_part().unwrap().unwrap();
        assert!(!part.last && !part.replace);
        assert_eq!(part.document.paragraphs.len(), 1);
        drop(writer);
        let end = rest.next_part().unwrap().unwrap();
        assert!(end.last && end.replace);
        let whole = crate::source::load_bytes(
            format!("{ARTICLE}\nA third paragraph came later, after a pause.\n").as_bytes(),
            "stdin",
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(end.document.text(), whole.document.text());
        assert!(rest.next_part().is_none());
    }

    #[test]
    fn binary_input_is_refused() {
        let (reader, mut writer) = pipe();
        writer.write_all(&[0u8; 100]).unwrap();
        assert!(matches!(
            open_reader(reader, &LoadOptions::default()),
            Err(e) if matches!(e.kind, LoadErrorKind::Binary)
        ));
        drop(writer);
    }
}
