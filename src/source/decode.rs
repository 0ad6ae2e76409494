//! Bytes to text: byte-order marks, UTF-8 (lossy), UTF-16 and legacy 8-bit encodings,
//! then line endings and tabs made uniform.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and what decoding had to repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Number of invalid bytes replaced (each malformed sequence by one U+FFFD).
    pub replaced: usize,
    /// The encoding actually used (its WHATWG name).
    pub encoding: &'static str,
}

/// The encoding named by `label` (a WHATWG label such as "windows-1252", "latin1",
/// "koi8-r", "utf-16le"), or `None` when the label is unknown.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Whether the bytes start with a UTF-16 byte-order mark (and so may hold NUL bytes).
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// How much of the start is examined for UTF-16 without a byte-order mark.
const UTF16_SNIFF_LEN: usize = 8 * 1024;

/// UTF-16 without a byte-order mark, told by its NUL bytes: in text that is mostly Latin
/// script every other byte is NUL (the high byte of each code unit), on the odd bytes for
/// little-endian and the even ones for big-endian. The start must also decode to text: no
/// NUL characters, no unpaired surrogates, hardly any control characters. (UTF-16 of
/// other scripts has no such pattern and is still refused as binary without a BOM.)
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_LEN) & !1];
    let units = head.len() / 2;
    if units < 2 || has_utf16_bom(bytes) {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let encoding = if odd * 2 >= units && even * 100 <= units {
        UTF_16LE
    } else if even * 2 >= units && odd * 100 <= units {
        UTF_16BE
    } else {
        return None;
    };
    let code_units = head.chunks_exact(2).map(|pair| {
        if encoding == UTF_16LE {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut controls = 0;
    for decoded in char::decode_utf16(code_units) {
        match decoded {
            // A surrogate cut by the end of the sample is not an error in the file.
            Err(_) if head.len() < bytes.len() => {}
            Err(_) | Ok('\0') => return None,
            Ok(c) if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c' | '\x1b') => {
                controls += 1
            }
            Ok(_) => {}
        }
    }
    (controls * 100 <= units).then_some(encoding)
}

/// Whether `bytes` can really be in the declared `encoding` (from a Content-Type header or
/// an HTML `<meta>`), which is often wrong: a server that calls every page UTF-16, a page
/// re-saved as UTF-8 that still says `gb2312`. UTF-16 must show its NUL bytes; a legacy
/// 8-bit or CJK encoding does not fit bytes that are valid UTF-8 with non-ASCII in them
/// (what a legacy encoding makes of real text is next to never valid UTF-8, so those
/// bytes are UTF-8 and the tag is stale). Pure ASCII fits every ASCII-compatible encoding.
pub fn declared_fits(bytes: &[u8], encoding: &'static Encoding) -> bool {
    if encoding == UTF_8 {
        return true;
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return has_utf16_bom(bytes) || utf16_without_bom(bytes) == Some(encoding);
    }
    if !encoding.is_ascii_compatible() {
        // ISO-2022-JP is 7-bit with escapes of its own: nothing to tell it by here.
        return true;
    }
    bytes.is_ascii() || std::str::from_utf8(bytes).is_err()
}

/// Decodes `bytes`. A byte-order mark wins over everything; otherwise `encoding` is used
/// when given, else UTF-8. Malformed sequences become U+FFFD and are counted.
pub fn decode(bytes: &[u8], encoding: Option<&'static Encoding>) -> Decoded {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((bom_encoding, bom_len)) => (bom_encoding, &bytes[bom_len..]),
        None => (encoding.unwrap_or(UTF_8), bytes),
    };
    if encoding == UTF_8 {
        return decode_utf8(body);
    }
    // The BOM (if any) is already stripped above.
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let replaced = match had_errors {
        false => 0,
        true if encoding == UTF_16LE || encoding == UTF_16BE => {
            count_invalid_utf16(body, encoding == UTF_16LE).max(1) * 2
        }
        true => text.matches(char::REPLACEMENT_CHARACTER).count().max(1),
    };
    Decoded {
        text: text.into_owned(),
        replaced,
        encoding: encoding.name(),
    }
}

/// UTF-8 decoding as `String::from_utf8_lossy` does it (one U+FFFD per maximal invalid
/// sequence), counting the invalid bytes.
fn decode_utf8(mut bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                // `valid_up_to` bytes are valid UTF-8 by definition.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push(char::REPLACEMENT_CHARACTER);
                let skip = error.error_len().unwrap_or(rest.len());
                replaced += skip;
                bytes = &rest[skip..];
            }
        }
    }
    Decoded {
        text,
        replaced,
        encoding: UTF_8.name(),
    }
}

/// Counts unpaired surrogates and a trailing odd byte in UTF-16 text (in code units).
fn count_invalid_utf16(bytes: &[u8], little_endian: bool) -> usize {
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let invalid = char::decode_utf16(units).filter(Result::is_err).count();
    invalid + bytes.len() % 2
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Tab stops every this many columns.
pub const TAB_WIDTH: usize = 4;

/// Replaces each tab with spaces up to the next multiple of [`TAB_WIDTH`] columns
/// (columns counted in display width, so wide characters count as two).
pub fn expand_tabs(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let decoded = decode(b"\xEF\xBB\xBFhello", None);
        assert_eq!(decoded.text, "hello");
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn invalid_utf8_sequences_are_counted() {
        let decoded = decode(b"a\xFFb\xC3(c\xE2\x82", None);
        assert_eq!(decoded.text, "a\u{FFFD}b\u{FFFD}(c\u{FFFD}");
        assert_eq!(decoded.replaced, 4);
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, None).text, "hé");
        assert_eq!(decode(&be, None).text, "hé");
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nul_bytes() {
        let text = "A title\n\nSome words, and more words: é.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert_eq!(decode(&le, utf16_without_bom(&le)).text, text);
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
        assert_eq!(utf16_without_bom(&[0; 64]), None);
        assert_eq!(
            utf16_without_bom(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"),
            None
        );
    }

    #[test]
    fn declared_encodings_are_checked_against_the_bytes() {
        let utf16: Vec<u8> = "Some words"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(declared_fits(&utf16, UTF_16LE));
        assert!(!declared_fits(b"Plain ASCII words", UTF_16LE));
        assert!(!declared_fits(b"Plain ASCII words", UTF_16BE));
        let gb2312 = encoding_for_label("gb2312").unwrap();
        assert!(!declared_fits("UTF-8: 中文 and café".as_bytes(), gb2312));
        assert!(declared_fits(b"ASCII fits any", gb2312));
        // Real GBK bytes (not valid UTF-8) fit their tag.
        let (gbk, _, _) = gb2312.encode("中文");
        assert!(declared_fits(&gbk, gb2312));
        let latin1 = encoding_for_label("windows-1252").unwrap();
        assert!(declared_fits(b"caf\xE9", latin1));
        assert!(!declared_fits("café".as_bytes(), latin1));
    }

    #[test]
    fn windows_1252_by_label() {
        let encoding = encoding_for_label("windows-1252");
        assert_eq!(
            decode(b"\x93caf\xE9\x94", encoding).text,
            "\u{201C}café\u{201D}"
        );
        assert!(encoding_for_label("klingon").is_none());
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(expand_tabs("\tx\nab\tc"), "    x\nab  c");
    }
}
