//! Loading every kind of input through `source::open` / `source::load_bytes`: HTML and
//! Markdown articles, encodings, bad inputs, and URLs served from 127.0.0.1.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use counterpoint::document::{Document, InlineStyle, ParagraphKind};
use counterpoint::source::{
    self, Format, InputSpec, LoadError, LoadErrorKind, LoadOptions, Loaded,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn open_path(path: &Path) -> Result<Loaded, LoadError> {
    source::open(
        &InputSpec::Path(path.to_path_buf()),
        &LoadOptions::default(),
    )
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    (0..doc.paragraphs.len())
        .map(|i| doc.paragraph_text(i))
        .collect()
}

fn styled(doc: &Document, paragraph: usize, style: InlineStyle) -> Vec<&str> {
    let text = doc.paragraph_text(paragraph);
    doc.paragraphs[paragraph]
        .spans
        .iter()
        .filter(|s| s.style == style)
        .map(|s| &text[s.range.clone()])
        .collect()
}

fn bullet(depth: usize) -> ParagraphKind {
    ParagraphKind::ListItem {
        marker: "•".into(),
        depth,
    }
}

#[test]
fn html_article_without_boilerplate() {
    let loaded = open_path(&fixture("article.html")).expect("loads");
    let doc = &loaded.document;
    assert_eq!(loaded.name, "article.html");
    assert_eq!(loaded.format, Format::Html);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Why Cities Should Keep Their Night Buses")
    );
    assert_eq!(doc.meta.byline.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(doc.meta.date.as_deref(), Some("7 March 2019"));
    assert_eq!(
        paragraphs(doc),
        [
            "Every few years a transport committee looks at the night bus budget and sees an easy saving. The buses run half empty, the argument goes, so the money would do more good in daytime routes.",
            "That argument counts seats but not people. The riders of a night bus are cleaners, nurses, bakers and kitchen staff, for whom the bus is the only way home after a shift that ends at two in the morning.",
            "Cutting the night network would save less than one percent of the operating budget.",
            "Critics say taxis and ride-hailing fill the gap. They do not, for three reasons:",
            "a taxi across town costs a large share of a night's wages;",
            "ride-hailing prices surge exactly when the buses stop;",
            "many outer districts have no taxi rank at all.",
            "Ridership figures are taken at fixed counting points. A route that carries few people past the counter may still be the route a whole district depends on, as the 2018 rider survey found.",
            "The budget line also ignores what happens when the bus goes: more drink-driving, more people walking long distances in the dark, and more workers turning down night shifts altogether.",
            "Instead of asking whether the buses are full, the committee should ask who would be stranded without them. Asked that way, the answer is clear: the night buses should stay.",
        ]
    );
    let kinds: Vec<_> = doc.paragraphs.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(kinds[2], ParagraphKind::Quote);
    assert_eq!(kinds[4..7], [bullet(0), bullet(0), bullet(0)]);
    assert_eq!(kinds[0], ParagraphKind::Body);
    let sections: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.level, s.first_paragraph))
        .collect();
    assert_eq!(
        sections,
        [
            ("What the numbers leave out", 2, 7),
            ("A better question", 2, 9)
        ]
    );
    assert_eq!(styled(doc, 1, InlineStyle::Emphasis), ["people"]);
    assert_eq!(styled(doc, 1, InlineStyle::Strong), ["only"]);
    assert_eq!(styled(doc, 7, InlineStyle::Link), ["2018 rider survey"]);
    assert!(
        doc.links
            .iter()
            .any(|l| l.paragraph == 7 && l.target == "https://example.org/survey")
    );
    for boilerplate in [
        "cookies",
        "Accept",
        "Most read",
        "Related",
        "newsletter",
        "rights reserved",
        "tracking",
        "console",
        "font-family",
        "Opinion",
        "Sport",
    ] {
        assert!(
            !doc.text().contains(boilerplate),
            "boilerplate {boilerplate:?} in the body"
        );
    }
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
}

#[test]
fn html_entities_and_title_fallbacks() {
    let html = "<html><head><title>On Tides &amp; Moons — Sea Notes</title></head><body>\
        <div><p>Tides follow the moon &mdash; mostly. &lt;b&gt; is not a tag here &#8220;quoted&#8221;.</p>\
        <pre>  keep   this\n    indent</pre>\
        <ol start=\"3\"><li>third</li><li>fourth <ul><li>nested</li></ul></li></ol></div></body></html>";
    let loaded =
        source::load_bytes(html.as_bytes(), "page.html", &LoadOptions::default()).expect("loads");
    let doc = &loaded.document;
    assert_eq!(doc.meta.title.as_deref(), Some("On Tides & Moons"));
    assert_eq!(
        paragraphs(doc),
        [
            "Tides follow the moon — mostly. <b> is not a tag here \u{201C}quoted\u{201D}.",
            "  keep   this\n    indent",
            "third",
            "fourth",
            "nested",
        ]
    );
    assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Code);
    let markers: Vec<_> = doc.paragraphs[2..]
        .iter()
        .map(|p| match &p.kind {
            ParagraphKind::ListItem { marker, depth } => (marker.as_str(), *depth),
            other => panic!("not a list item: {other:?}"),
        })
        .collect();
    assert_eq!(markers, [("3.", 0), ("4.", 0), ("•", 1)]);
}

fn load_html(html: &str) -> Loaded {
    source::load_bytes(html.as_bytes(), "page.html", &LoadOptions::default()).expect("loads")
}

/// Readability sees the page as published: removing the byline and the dates from its
/// input took the post's short paragraphs with them, and it picked the comment thread.
#[test]
fn html_readability_sees_the_page_as_published() {
    let page = r#"<html><head><title>The slow web</title></head><body>
<div id="main"><article class="post">
<h1>The slow web</h1>
<div class="post-meta">By <span class="author">Ann Lee</span> on <time datetime="2021-03-04">4 March 2021</time></div>
<p>Pages got heavier again <time datetime="2020">last year</time>, as they have every year, by a third.</p>
<p>Scripts have doubled in size since <time datetime="2015">2015</time>, and images grew by half.</p>
<p>Fonts add more weight: <time>every year</time> a design brings in one more family of them.</p>
<p>Nobody asked for any of this, and <time>in 2019</time> users started to leave slow sites.</p>
<p>We should ship less, and we can start doing it <time>today</time> with what we have now.</p>
</article></div>
<div id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>I disagree with most of this post, because a heavy page is often a useful page, and users do not mind waiting for something good to load on their screens.</p></div>
<div class="comment"><p>Exactly right, and the same holds for mobile apps, which have grown even faster than web pages over the same period of time in my experience.</p></div>
</div></body></html>"#;
    let loaded = load_html(page);
    let doc = &loaded.document;
    assert_eq!(doc.meta.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(doc.meta.date.as_deref(), Some("4 March 2021"));
    let paragraphs = paragraphs(doc);
    assert_eq!(
        paragraphs[..5],
        [
            "Pages got heavier again last year, as they have every year, by a third.",
            "Scripts have doubled in size since 2015, and images grew by half.",
            "Fonts add more weight: every year a design brings in one more family of them.",
            "Nobody asked for any of this, and in 2019 users started to leave slow sites.",
            "We should ship less, and we can start doing it today with what we have now.",
        ],
        "{paragraphs:#?}"
    );
    // The byline is removed from what Readability extracted.
    assert!(!doc.text().contains("By Ann Lee"), "{}", doc.text());
}

/// When extraction finds nothing to read (here it takes the cookie banner, whose form is
/// never shown), the page's visible text is read instead of "nothing to read".
#[test]
fn html_extraction_finding_nothing_falls_back_to_the_visible_text() {
    let text = "Bridges are the oldest public works that still carry traffic today, and most \
                of them were built to last longer than anyone who paid for them.";
    let banner = "<div class=\"cookie\"><form><p>We use cookies to make this site work, and to \
                  measure it. <button>Accept</button></p></form></div>";
    for body in [
        format!("<table><tr><td>{text}</td></tr><tr><td>{text}</td></tr></table>"),
        format!("<pre>{text}</pre><blockquote>{text}</blockquote>"),
    ] {
        let page =
            format!("<html><head><title>Bridges</title></head><body>{banner}{body}</body></html>");
        let loaded = load_html(&page);
        let all = loaded.document.text();
        assert_eq!(all.matches("Bridges are the oldest").count(), 2, "{all}");
        assert!(!all.contains("cookies"), "{all}");
    }
}

/// The title is what the page declares, less the site's name; a lone `<h1>` with the
/// site's name does not win over it, and an `<h1>` that agrees gives its wording.
#[test]
fn html_title_is_the_declared_one_unless_the_heading_agrees() {
    let body = "<p>Compilers are slow because they do a great deal of work that nobody asked \
                for, and most of that work is repeated on every build of the same code.</p>\
                <p>Caching the results of that work would make most builds ten times faster, \
                yet few compilers do it because the bookkeeping is hard to get right.</p>";
    let site_heading = format!(
        "<html><head><title>Why compilers are slow - Silicon Exposed</title></head><body>\
         <header><h1>Silicon Exposed</h1></header><div class=\"post\">{body}</div></body></html>"
    );
    assert_eq!(
        load_html(&site_heading).document.meta.title.as_deref(),
        Some("Why compilers are slow")
    );
    // The site's name is longer than the title: og:site_name says which part it is.
    let long_site = format!(
        "<html><head><title>Slow compilers | Minecraft News and Updates Daily</title>\
         <meta property=\"og:site_name\" content=\"Minecraft News and Updates Daily\"></head>\
         <body><h1>Minecraft News</h1><div>{body}</div></body></html>"
    );
    assert_eq!(
        load_html(&long_site).document.meta.title.as_deref(),
        Some("Slow compilers")
    );
    let agreeing = format!(
        "<html><head><meta property=\"og:title\" content=\"why compilers are slow\"></head>\
         <body><article><h1>Why Compilers Are Slow</h1>{body}</article></body></html>"
    );
    assert_eq!(
        load_html(&agreeing).document.meta.title.as_deref(),
        Some("Why Compilers Are Slow")
    );
}

#[test]
fn markdown_article() {
    let loaded = open_path(&fixture("essay.md")).expect("loads");
    let doc = &loaded.document;
    assert_eq!(loaded.format, Format::Markdown);
    assert_eq!(doc.meta.title.as_deref(), Some("The Case for Slow Reading"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Teodor Vance"));
    assert_eq!(doc.meta.date.as_deref(), Some("15 November 2022"));
    // The title heading repeats the front matter: neither a paragraph nor a section.
    let sections: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.level, s.first_paragraph))
        .collect();
    assert_eq!(sections, [("The claim", 2, 1), ("An objection", 2, 9)]);
    assert_eq!(
        paragraphs(doc)[0],
        "Most advice about reading is about reading more. This essay argues for reading less, but better."
    );
    assert_eq!(styled(doc, 0, InlineStyle::Emphasis), ["more"]);
    assert_eq!(styled(doc, 0, InlineStyle::Strong), ["less, but better"]);
    assert_eq!(styled(doc, 1, InlineStyle::Code), ["words per minute"]);
    assert_eq!(doc.paragraphs[2].kind, ParagraphKind::Quote);
    let items: Vec<_> = doc.paragraphs[4..9]
        .iter()
        .enumerate()
        .map(|(i, p)| (p.kind.clone(), doc.paragraph_text(i + 4)))
        .collect();
    let numbered = |n: &str| ParagraphKind::ListItem {
        marker: n.into(),
        depth: 1,
    };
    assert_eq!(
        items,
        [
            (bullet(0), "read with a pencil;"),
            (bullet(0), "stop at the end of each section;"),
            (numbered("1."), "write one sentence of summary;"),
            (numbered("2."), "write one question."),
            (bullet(0), "reread the hardest paragraph."),
        ]
    );
    assert_eq!(styled(doc, 9, InlineStyle::Link), ["the time-use study"]);
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].target, "https://example.org/time-use");
    assert_eq!(doc.links[0].paragraph, 9);
    assert_eq!(doc.paragraphs[10].kind, ParagraphKind::Code);
    assert_eq!(
        doc.paragraph_text(10),
        "fn main() {\n    println!(\"read slowly\");\n}"
    );
}

#[test]
fn markdown_first_heading_is_title_without_front_matter() {
    let md = "# A Title\n\nBody text here.\n\n# Part One\n\nMore text.\n";
    let loaded = source::load_bytes(md.as_bytes(), "x.md", &LoadOptions::default()).expect("loads");
    assert_eq!(loaded.document.meta.title.as_deref(), Some("A Title"));
    let sections: Vec<_> = loaded
        .document
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(sections, ["Part One"]);
}

#[test]
fn markdown_toml_front_matter() {
    let md =
        "+++\ntitle = \"Plus Title\"\nauthor = \"R. Okafor\"\ndate = 2020-02-29\n+++\n\nText.\n";
    let loaded = source::load_bytes(md.as_bytes(), "x.md", &LoadOptions::default()).expect("loads");
    let meta = &loaded.document.meta;
    assert_eq!(meta.title.as_deref(), Some("Plus Title"));
    assert_eq!(meta.byline.as_deref(), Some("R. Okafor"));
    assert_eq!(meta.date.as_deref(), Some("29 February 2020"));
}

#[test]
fn sniffing_without_extension() {
    let opts = LoadOptions::default();
    let html = "<!doctype html><html><body><p>Hello there, reader.</p></body></html>";
    let md = "# Heading\n\nSome *emphasis* and a [link](http://x.test/).\n";
    let text = "A plain article.\n\nSecond paragraph.\n";
    assert_eq!(
        source::load_bytes(html.as_bytes(), "stdin", &opts)
            .unwrap()
            .format,
        Format::Html
    );
    assert_eq!(
        source::load_bytes(md.as_bytes(), "stdin", &opts)
            .unwrap()
            .format,
        Format::Markdown
    );
    assert_eq!(
        source::load_bytes(text.as_bytes(), "notes.dat", &opts)
            .unwrap()
            .format,
        Format::Text
    );
    // The format option wins over the extension.
    let forced = LoadOptions {
        format: Some(Format::Text),
        ..LoadOptions::default()
    };
    assert_eq!(
        source::load_bytes(md.as_bytes(), "x.md", &forced)
            .unwrap()
            .format,
        Format::Text
    );
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if little_endian {
        [0xFF, 0xFE]
    } else {
        [0xFE, 0xFF]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(move |u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        }))
        .collect()
}

#[test]
fn utf16_with_bom_both_orders() {
    let text =
        "Caf\u{e9} society \u{2014} a \u{201C}debate\u{201D}.\r\n\r\nSecond \u{1F600} paragraph.";
    for little_endian in [true, false] {
        let bytes = utf16(text, little_endian);
        let loaded = source::load_bytes(&bytes, "u16.txt", &LoadOptions::default()).expect("loads");
        // The first line, alone above the body, is the title.
        let title = loaded.document.meta.title.clone().unwrap_or_default();
        let all = format!("{title}\n{}", loaded.document.text());
        assert!(all.contains("Café society — a “debate”."), "{all:?}");
        assert!(all.contains("Second 😀 paragraph."), "{all:?}");
        assert!(!all.contains('\r'));
        assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    }
}

#[test]
fn windows_1252_with_encoding_option() {
    let bytes = b"\x93Smart quotes\x94 and caf\xE9 \x96 fine.\n";
    let opts = LoadOptions {
        encoding: Some("windows-1252".into()),
        ..LoadOptions::default()
    };
    let loaded = source::load_bytes(bytes, "legacy.txt", &opts).expect("loads");
    assert!(
        loaded
            .document
            .text()
            .contains("\u{201C}Smart quotes\u{201D} and café – fine.")
    );
    assert!(loaded.notices.is_empty());
    // Without the option the same bytes are invalid UTF-8.
    let lossy = source::load_bytes(bytes, "legacy.txt", &LoadOptions::default()).unwrap();
    assert_eq!(lossy.notices, ["4 invalid bytes replaced"]);
}

#[test]
fn html_meta_charset_is_honoured() {
    let bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9 \x93ok\x94</p></body></html>";
    let loaded = source::load_bytes(bytes, "old.html", &LoadOptions::default()).unwrap();
    assert_eq!(loaded.document.paragraph_text(0), "café “ok”");
    assert!(loaded.notices.is_empty());
}

/// A `<meta charset>` after the first 1,024 bytes (behind a long description) is found.
#[test]
fn a_meta_charset_after_the_first_kilobyte_is_honoured() {
    let description = "A long description of the page, as sites write them. ".repeat(30);
    let mut bytes = format!(
        "<html><head><meta name=\"description\" content=\"{description}\">\
         <meta charset=\"windows-1252\"><title>Caf\u{e9}s</title></head><body><article>"
    )
    .into_bytes();
    assert!(bytes.len() > 1024);
    bytes.extend_from_slice(b"<p>The caf\xE9 opens at \x93dawn\x94, every day of the year.</p>");
    bytes.extend_from_slice(b"</article></body></html>");
    let loaded = source::load_bytes(&bytes, "late.html", &LoadOptions::default()).unwrap();
    assert_eq!(
        loaded.document.paragraph_text(0),
        "The café opens at “dawn”, every day of the year."
    );
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
}

/// A page saved as UTF-8 that still says `gb2312` is read as UTF-8, not garbled.
#[test]
fn a_stale_legacy_charset_on_a_utf8_page_is_ignored() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                </head><body><p>网页的字符集声明已经过时。 The café is open.</p></body></html>";
    let loaded =
        source::load_bytes(page.as_bytes(), "stale.html", &LoadOptions::default()).unwrap();
    assert_eq!(
        loaded.document.paragraph_text(0),
        "网页的字符集声明已经过时。 The café is open."
    );
    assert_eq!(
        loaded.notices,
        ["declared charset GBK ignored (the bytes are not in it)"]
    );
    // A page really in GBK still decodes by its tag.
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "<html><head><meta charset=gb2312></head><body><p>网页的字符集。</p></body></html>",
    );
    let loaded = source::load_bytes(&gbk, "gbk.html", &LoadOptions::default()).unwrap();
    assert_eq!(loaded.document.paragraph_text(0), "网页的字符集。");
}

#[test]
fn unknown_encoding_is_an_error() {
    let opts = LoadOptions {
        encoding: Some("klingon-8".into()),
        ..LoadOptions::default()
    };
    let err = source::load_bytes(b"text", "a.txt", &opts).unwrap_err();
    assert_eq!(err.to_string(), "a.txt: unknown encoding 'klingon-8'");
}

#[test]
fn invalid_utf8_counted() {
    let bytes = b"One \xFF bad byte, two \xC0\xC1 more.\n";
    let loaded = source::load_bytes(bytes, "bad.txt", &LoadOptions::default()).unwrap();
    assert_eq!(loaded.notices, ["3 invalid bytes replaced"]);
    assert!(loaded.document.text().contains("One \u{FFFD} bad byte"));
    let one = source::load_bytes(b"x \xFF y", "bad.txt", &LoadOptions::default()).unwrap();
    assert_eq!(one.notices, ["1 invalid byte replaced"]);
}

#[test]
fn crlf_lone_cr_and_tabs() {
    let bytes = b"a\tb\r\nline two\rline three\n\n\tindented end.";
    let loaded = source::load_bytes(bytes, "t.txt", &LoadOptions::default()).unwrap();
    let text = loaded.document.text();
    assert!(!text.contains('\r') && !text.contains('\t'), "{text:?}");
    // Prose white space is collapsed; each line ending (CRLF, CR, LF) ended a line.
    let paragraphs: Vec<&str> = (0..loaded.document.paragraphs.len())
        .map(|i| loaded.document.paragraph_text(i))
        .collect();
    assert_eq!(
        paragraphs,
        ["a b", "line two", "line three", "indented end."]
    );
}

#[test]
fn embedded_article_loads() {
    let loaded = source::open(&InputSpec::Embedded, &LoadOptions::default()).unwrap();
    assert_eq!(loaded.name, counterpoint::EMBEDDED_NAME);
    assert_eq!(loaded.format, Format::Text);
    assert!(!loaded.document.paragraphs.is_empty());
    assert_eq!(
        loaded.source_bytes_hash,
        source::hash::content_hash(counterpoint::EMBEDDED_ARTICLE.as_bytes())
    );
}

#[test]
fn same_bytes_same_hash() {
    let opts = LoadOptions::default();
    let a = source::load_bytes(b"Some text.", "a.txt", &opts).unwrap();
    let b = source::load_bytes(b"Some text.", "b.txt", &opts).unwrap();
    let c = source::load_bytes(b"Some text!", "a.txt", &opts).unwrap();
    assert_eq!(a.source_bytes_hash, b.source_bytes_hash);
    assert_ne!(a.source_bytes_hash, c.source_bytes_hash);
}

// ---- bad inputs -------------------------------------------------------------------

fn error_of(path: &Path, opts: &LoadOptions) -> String {
    source::open(&InputSpec::Path(path.to_path_buf()), opts)
        .map(|l| format!("unexpectedly loaded {}", l.name))
        .unwrap_or_else(|e| e.to_string())
}

#[test]
fn missing_file_and_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let opts = LoadOptions::default();
    assert_eq!(
        error_of(&missing, &opts),
        format!("{}: no such file", missing.display())
    );
    assert_eq!(
        error_of(dir.path(), &opts),
        format!("{}: is a directory", dir.path().display())
    );
}

#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, "hidden").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: the OS grants access, so only the message can be checked.
        let err = LoadError::new(path.display().to_string(), LoadErrorKind::PermissionDenied);
        assert_eq!(
            err.to_string(),
            format!("{}: permission denied", path.display())
        );
        return;
    }
    assert_eq!(
        error_of(&path, &LoadOptions::default()),
        format!("{}: permission denied", path.display())
    );
}

#[test]
fn binary_files_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("program");
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0..4000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(
        error_of(&path, &LoadOptions::default()),
        format!("{}: looks like a binary file", path.display())
    );
    let ls = Path::new("/bin/ls");
    if ls.exists() {
        assert_eq!(
            error_of(ls, &LoadOptions::default()),
            "/bin/ls: looks like a binary file"
        );
    }
}

#[test]
fn empty_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let opts = LoadOptions::default();
    for (name, content) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\n\t \r\n"),
        ("controls.txt", "\x1b[31m\x1b[0m\x07"),
        (
            "nothing.html",
            "<html><body><script>x()</script></body></html>",
        ),
        ("nothing.md", "---\ntitle: only front matter\n---\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        assert_eq!(
            error_of(&path, &opts),
            format!("nothing to read in {}", path.display()),
            "{name}"
        );
    }
}

#[test]
fn size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "word ".repeat(600)).unwrap();
    let opts = LoadOptions {
        max_bytes: 2048,
        ..LoadOptions::default()
    };
    assert_eq!(
        error_of(&path, &opts),
        format!(
            "{}: file is larger than the 2 KiB limit (use --max-size to raise it)",
            path.display()
        )
    );
    let default_limit = LoadError::new(
        "huge.txt",
        LoadErrorKind::TooLarge {
            limit: source::DEFAULT_MAX_BYTES,
        },
    );
    assert_eq!(
        default_limit.to_string(),
        "huge.txt: file is larger than the 256 MiB limit (use --max-size to raise it)"
    );
}

#[test]
fn input_spec_from_argument() {
    assert_eq!(InputSpec::from_arg("-"), InputSpec::Stdin);
    assert_eq!(
        InputSpec::from_arg("https://example.org/x"),
        InputSpec::Url("https://example.org/x".into())
    );
    assert_eq!(
        InputSpec::from_arg("./a.md"),
        InputSpec::Path("./a.md".into())
    );
}

// ---- URLs ---------------------------------------------------------------------------

/// Serves one canned response per connection, for `responses.len()` connections, on
/// 127.0.0.1. Returns the base URL.
fn serve(responses: Vec<Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for response in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            read_request(&mut stream);
            let _ = stream.write_all(&response);
        }
    });
    format!("http://{addr}")
}

fn read_request(stream: &mut TcpStream) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut request = Vec::new();
    let mut buf = [0; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn quick() -> LoadOptions {
    LoadOptions {
        timeout: Duration::from_secs(2),
        ..LoadOptions::default()
    }
}

fn open_url(url: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    source::open(&InputSpec::Url(url.to_string()), opts)
}

#[test]
fn url_html_page() {
    let page = std::fs::read(fixture("article.html")).unwrap();
    let base = serve(vec![response("200 OK", "text/html; charset=utf-8", &page)]);
    let url = format!("{base}/opinion/night-buses");
    let loaded = open_url(&url, &quick()).expect("loads");
    assert_eq!(loaded.name, url);
    assert_eq!(loaded.format, Format::Html);
    assert_eq!(
        loaded.document.meta.title.as_deref(),
        Some("Why Cities Should Keep Their Night Buses")
    );
    assert_eq!(loaded.document.paragraphs.len(), 10);
}

#[test]
fn url_charset_and_markdown_from_headers() {
    let base = serve(vec![
        response(
            "200 OK",
            "text/plain; charset=ISO-8859-1",
            b"Caf\xE9 au lait.\n",
        ),
        response("200 OK", "text/markdown", b"# T\n\nSome *text*.\n"),
    ]);
    let plain = open_url(&format!("{base}/a"), &quick()).unwrap();
    assert!(plain.document.text().contains("Café au lait."));
    assert!(plain.notices.is_empty());
    let md = open_url(&format!("{base}/b"), &quick()).unwrap();
    assert_eq!(md.format, Format::Markdown);
    assert_eq!(md.document.meta.title.as_deref(), Some("T"));
}

/// A server that calls everything UTF-16 (or a stale legacy charset) is not believed when
/// the body is ASCII or UTF-8: no mojibake.
#[test]
fn url_declared_charset_is_checked_against_the_body() {
    let base = serve(vec![
        response(
            "200 OK",
            "text/html; charset=utf-16",
            b"<html><body><p>Plain ASCII words from a confused server.</p></body></html>",
        ),
        response(
            "200 OK",
            "text/plain; charset=gb2312",
            "A Title\n\nUTF-8 text: café, naïve, 中文.\n".as_bytes(),
        ),
    ]);
    let html = open_url(&format!("{base}/a.html"), &quick()).unwrap();
    assert_eq!(
        html.document.paragraph_text(0),
        "Plain ASCII words from a confused server."
    );
    assert_eq!(
        html.notices,
        ["declared charset UTF-16LE ignored (the bytes are not in it)"]
    );
    let text = open_url(&format!("{base}/b.txt"), &quick()).unwrap();
    assert!(
        text.document
            .text()
            .contains("UTF-8 text: café, naïve, 中文."),
        "{}",
        text.document.text()
    );
}

#[test]
fn url_redirect_followed() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let answers = [
            format!("HTTP/1.1 302 Found\r\nLocation: http://{addr}/final\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").into_bytes(),
            response("200 OK", "text/plain", b"Arrived safely."),
        ];
        for answer in answers {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            read_request(&mut stream);
            let _ = stream.write_all(&answer);
        }
    });
    let loaded = open_url(&format!("http://{addr}/start"), &quick()).unwrap();
    assert_eq!(loaded.document.text(), "Arrived safely.");
}

/// Answers each connection with the next of `answers`, in order.
fn serve_in_order(answers: impl FnOnce(std::net::SocketAddr) -> Vec<Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let answers = answers(addr);
    thread::spawn(move || {
        for answer in answers {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            read_request(&mut stream);
            let _ = stream.write_all(&answer);
        }
    });
    format!("http://{addr}")
}

fn redirect_to(location: &str) -> Vec<u8> {
    format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .into_bytes()
}

#[test]
fn url_redirect_to_another_scheme_is_refused() {
    let base = serve_in_order(|_| {
        vec![
            redirect_to("file:///etc/passwd"),
            // What the server says if the redirect is misread as a path on it.
            response("404 Not Found", "text/html", b"<p>gone</p>"),
        ]
    });
    let url = format!("{base}/start");
    let err = open_url(&url, &quick()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{url}: redirect to an unsupported scheme refused (file:)")
    );
}

#[test]
fn url_relative_redirects_are_followed_and_loops_cut() {
    let base = serve_in_order(|_| {
        vec![
            redirect_to("/dir/first"),
            redirect_to("second.txt"),
            response("200 OK", "text/plain", b"Arrived by relative paths."),
        ]
    });
    let loaded = open_url(&format!("{base}/start"), &quick()).unwrap();
    assert_eq!(loaded.document.text(), "Arrived by relative paths.");

    let base = serve_in_order(|_| (0..10).map(|_| redirect_to("/again")).collect());
    let err = open_url(&format!("{base}/again"), &quick()).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::TooManyRedirects), "{err}");
}

#[test]
fn url_not_found() {
    let base = serve(vec![response("404 Not Found", "text/html", b"<p>gone</p>")]);
    let url = format!("{base}/missing");
    let err = open_url(&url, &quick()).unwrap_err();
    assert_eq!(err.to_string(), format!("{url}: HTTP 404 Not Found"));
}

#[test]
fn url_not_text() {
    let base = serve(vec![response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n")]);
    let url = format!("{base}/pic.png");
    let err = open_url(&url, &quick()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{url}: not a text document (image/png)")
    );
}

#[test]
fn url_connection_refused() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = format!("http://{addr}/");
    let err = open_url(&url, &quick()).unwrap_err();
    assert_eq!(err.to_string(), format!("{url}: connection refused"));
}

#[test]
fn url_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        // Accept, read the request, never answer; give up after a few seconds.
        if let Ok((mut stream, _)) = listener.accept() {
            read_request(&mut stream);
            thread::sleep(Duration::from_secs(4));
        }
    });
    let url = format!("http://{addr}/slow");
    let opts = LoadOptions {
        timeout: Duration::from_secs(1),
        ..LoadOptions::default()
    };
    let err = open_url(&url, &opts).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{url}: timed out: not loaded within 1 s (--timeout 1)")
    );
}

#[test]
fn url_body_over_limit() {
    let base = serve(vec![response("200 OK", "text/plain", &[b'a'; 5000])]);
    let url = format!("{base}/big");
    let opts = LoadOptions {
        max_bytes: 1024,
        ..quick()
    };
    let err = open_url(&url, &opts).unwrap_err();
    assert!(
        matches!(err.kind, LoadErrorKind::TooLarge { limit: 1024 }),
        "{err}"
    );
}

fn load_named(text: &str, name: &str) -> Loaded {
    source::load_bytes(text.as_bytes(), name, &LoadOptions::default()).expect("loads")
}

/// Markdown structure: a GFM table as an aligned grid, image alt text, rules, heading
/// levels and link targets.
#[test]
fn markdown_tables_images_rules_levels_and_links() {
    let text = "\
# Fares and the budget

The [council report](https://example.org/report) sets out the numbers.

| Line | Riders | Cost (€) |
|:-----|-------:|---------:|
| N1   | 1,200  | 40,000   |
| N12  | 95     | 18,500   |

![A night bus at the depot](bus.jpg)

---

## Why it matters

### In detail

Night workers rely on it, as [the survey](https://example.org/survey) shows.
";
    let loaded = load_named(text, "fares.md");
    let doc = &loaded.document;
    let table = (0..doc.paragraphs.len())
        .find(|&p| doc.paragraphs[p].kind == ParagraphKind::Table)
        .expect("a table paragraph");
    let grid: Vec<&str> = doc.paragraph_text(table).lines().collect();
    assert_eq!(grid.len(), 4, "{grid:#?}");
    assert!(grid[0].starts_with("Line │ Riders │ Cost (€)"), "{grid:#?}");
    assert!(grid[1].starts_with("─────┼────────┼─"), "{grid:#?}");
    // Right-aligned numbers under their headers.
    assert_eq!(grid[3], "N12  │     95 │   18,500");
    let texts = paragraphs(doc);
    assert!(
        texts.contains(&"[image: A night bus at the depot]"),
        "{texts:#?}"
    );
    assert_eq!(doc.rules, vec![table + 2]);
    let levels: Vec<(u8, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(levels, [(2, "Why it matters"), (3, "In detail")]);
    let targets: Vec<&str> = doc.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        ["https://example.org/report", "https://example.org/survey"]
    );
}

/// HTML structure: a data table as a grid (a layout table stays prose), `<hr>` as a
/// rule, `<img alt>` as "[image: …]".
#[test]
fn html_tables_rules_and_images() {
    let page = "<!DOCTYPE html><html><head><title>Buses at night</title></head><body><article>\
<h1>Buses at night</h1>\
<p>The night bus network carries thousands of workers every week, and the council \
wants to cut it. That would be a mistake, for reasons the figures make plain enough.</p>\
<table><caption>Riders per night</caption><thead><tr><th>Line</th><th>Riders</th></tr></thead>\
<tbody><tr><td>N1</td><td>1,200</td></tr><tr><td>N12</td><td>95</td></tr></tbody></table>\
<hr>\
<p><img src=\"depot.jpg\" alt=\"The depot at 3 a.m.\"> Drivers start their shifts at the \
depot long before dawn, and the buses they drive are often full of cleaners and nurses.</p>\
<table><tr><td>Just one cell of layout holding a sentence of the article itself.</td></tr></table>\
<p>Keeping the service costs less than the council claims, and the benefit to the city \
is far larger than the saving, as every study of night transport has found.</p>\
</article></body></html>";
    let loaded = load_named(page, "buses.html");
    let doc = &loaded.document;
    let texts = paragraphs(doc);
    let table = (0..doc.paragraphs.len())
        .find(|&p| doc.paragraphs[p].kind == ParagraphKind::Table)
        .unwrap_or_else(|| panic!("no table: {texts:#?}"));
    assert_eq!(
        doc.paragraph_text(table),
        "Line │ Riders\n─────┼───────\nN1   │ 1,200\nN12  │ 95"
    );
    assert_eq!(texts[table - 1], "Riders per night");
    assert_eq!(doc.rules, vec![table + 1], "{texts:#?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("[image: The depot at 3 a.m.] Drivers start")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Just one cell of layout")),
        "{texts:#?}"
    );
}

/// Plain text written the Markdown way is read as Markdown: underlined headings become
/// sections, bullets list items, and `<pathspec>` stays text.
#[test]
fn plain_text_written_as_markdown_is_read_as_markdown() {
    let notes = "\
Tally 1.2 Release Notes
=======================

Updates since v1.1
------------------

 * \"tally -w\" learned to count words joined by hyphens as one.

 * \"tally add <pathspec>\" now counts only the files the pathspec names,
   and says so.

Fixes since v1.1
----------------

 * \"tally\" no longer crashes on an empty file.
";
    let loaded = load_named(notes, "RelNotes.txt");
    assert_eq!(loaded.format, Format::Markdown);
    let doc = &loaded.document;
    assert_eq!(doc.meta.title.as_deref(), Some("Tally 1.2 Release Notes"));
    let sections: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections, ["Updates since v1.1", "Fixes since v1.1"]);
    assert!(doc.paragraphs.iter().all(|p| p.kind == bullet(0)));
    assert!(paragraphs(doc)[1].contains("tally add <pathspec>\" now counts"));
    // Asked for as text, it stays text.
    let text = source::load_bytes(
        notes.as_bytes(),
        "RelNotes.txt",
        &LoadOptions {
            format: Some(Format::Text),
            ..LoadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(text.format, Format::Text);
}
