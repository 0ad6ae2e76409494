//! The plain-text loader on the embedded page capture and on our own page dumps.

use counterpoint::document::Document;
use counterpoint::source::plaintext::parse;

fn paragraphs(doc: &Document) -> Vec<&str> {
    (0..doc.paragraphs.len())
        .map(|k| doc.paragraph_text(k))
        .collect()
}

fn dump(doc: &Document) -> String {
    format!(
        "{:#?}\nnotes {:#?}\nsections {:#?}\n{}",
        doc.meta,
        doc.notes,
        doc.sections,
        paragraphs(doc).join("\n---\n")
    )
}

/// Lines of page furniture that must not survive anywhere in the document.
fn assert_no_boilerplate(doc: &Document, furniture: &[&str]) {
    let mut all: Vec<&str> = paragraphs(doc);
    all.extend(doc.notes.iter().map(String::as_str));
    all.extend(doc.sections.iter().map(|s| s.title.as_str()));
    let meta = [
        &doc.meta.title,
        &doc.meta.dek,
        &doc.meta.byline,
        &doc.meta.date,
    ];
    all.extend(meta.iter().filter_map(|m| m.as_deref()));
    for text in all {
        for bad in furniture {
            assert!(
                !text.contains(bad),
                "{bad:?} survived in {text:?}\n{}",
                dump(doc)
            );
        }
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/dumps/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn embedded_article() {
    let doc = parse(counterpoint::EMBEDDED_ARTICLE);
    let meta = &doc.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Cybersecurity: Dialogue Is Better Than Confrontation")
    );
    assert_eq!(
        meta.dek.as_deref(),
        Some(
            "Cybersecurity is a problem that has emerged overnight and could soon become a \
             sticking point between China and the U.S."
        )
    );
    assert_eq!(meta.byline.as_deref(), Some("Jia Xiudong"));
    assert_eq!(meta.date.as_deref(), Some("24 September 2015"));
    let body = paragraphs(&doc);
    assert_eq!(body.len(), 7, "{}", dump(&doc));
    let starts = [
        "A delegation led by Chinese President Xi Jinping's special envoy",
        "Compared to topics the two sides",
        "The \"China cyber threat\" theory",
        "The U.S. side has so far failed",
        "Both China and the United States are big players",
        "Against a backdrop of increasingly fierce",
        "To narrow differences and expand collaboration",
    ];
    for (paragraph, start) in body.iter().zip(starts) {
        assert!(
            paragraph.starts_with(start),
            "{paragraph:?} should start {start:?}"
        );
    }
    assert!(body[6].ends_with("in terms of promoting China-U.S. relations."));
    assert_eq!(doc.notes.len(), 1);
    assert!(doc.notes[0].starts_with("The author is a senior international affairs researcher"));
    assert!(doc.notes[0].ends_with("People's Daily Overseas Edition"));
    assert!(doc.sections.is_empty());
    assert_no_boilerplate(
        &doc,
        &[
            "Follow us on",
            "description",
            "Copyedited",
            "Comments to",
            "Beijing Review",
            "About Us",
            "Partners",
            "Copyright",
            "Deutsch",
            "CCTV",
            "glasses",
            "ICP",
            "\u{a0}",
        ],
    );
}

#[test]
fn embedded_article_sentences_are_split() {
    let doc = parse(counterpoint::EMBEDDED_ARTICLE);
    assert_eq!(doc.paragraphs[0].sentences.len(), 3);
    assert_eq!(doc.paragraphs[2].sentences.len(), 8);
    let text = doc.paragraph_text(3);
    let second = &text[doc.paragraphs[3].sentences.range(1)];
    assert!(second.starts_with("On the contrary"));
}

#[test]
fn news_site_dump() {
    let doc = parse(&fixture("news-site.txt"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Why Small Ports Deserve a Second Look")
    );
    assert_eq!(
        doc.meta.dek.as_deref(),
        Some(
            "Regional harbours were written off a generation ago, but the freight numbers now \
             tell a different story."
        )
    );
    assert_eq!(
        doc.meta.byline.as_deref(),
        Some("Maren Ostby and Tomas Reyes")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("3 March 2024"));
    let body = paragraphs(&doc);
    assert_eq!(body.len(), 5, "{}", dump(&doc));
    assert_eq!(
        body[0],
        "For most of the last thirty years, planners treated small harbours as a problem to be \
         managed rather than an asset to be used. Traffic moved to a handful of deep-water \
         terminals, and the quays of coastal towns were turned into car parks, marinas and \
         waterfront flats."
    );
    // A short real paragraph between long ones is kept.
    assert_eq!(
        body[2],
        "Critics say the rise is a blip, driven by temporary delays elsewhere. That is too easy."
    );
    assert_eq!(
        body[4],
        "A second look does not mean a subsidy for every quay. It means counting the roads that \
         are not built and the lorries that are not driven when cargo lands close to where it is \
         used, and giving small ports a fair hearing when money for transport is shared out."
    );
    assert_eq!(
        doc.notes,
        [
            "Maren Ostby is a research fellow at the Coastal Transport Institute. Tomas Reyes \
          covers shipping for the Gazette."
        ]
    );
    assert_no_boilerplate(
        &doc,
        &[
            "Skip to",
            "Home",
            "Subscribe",
            "Sign in",
            "Harbour Gazette",
            "Opinion",
            "Share",
            "Tweet",
            "Published",
            "Related",
            "Ferry",
            "breakwater",
            "quotas",
            "cookies",
            "Accept",
            "©",
            "rights reserved",
            "Privacy",
            "Advertise",
        ],
    );
}

#[test]
fn blog_dump_one_paragraph_per_line_crlf_tabs() {
    let doc = parse(&fixture("blog-crlf.txt"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("The Case Against Painted Bike Lanes")
    );
    assert_eq!(doc.meta.byline.as_deref(), Some("Sam Ortiz"));
    assert_eq!(doc.meta.date.as_deref(), Some("12 June 2023"));
    assert_eq!(doc.meta.dek, None);
    let body = paragraphs(&doc);
    assert_eq!(body.len(), 5, "{}", dump(&doc));
    assert_eq!(
        body[0],
        "A stripe of white paint on the edge of a busy road is not a bike lane. It is a promise \
         that nobody has to keep, and everyone who rides one knows it within a week of trying."
    );
    assert_eq!(
        body[4],
        "So the next time a plan promises dozens of new kilometres, ask how many of them have \
         something solid between you and the traffic. If the answer is none, the plan is about \
         paint, not about people."
    );
    assert!(doc.notes.is_empty());
    for p in &body {
        assert!(!p.contains(['\t', '\r', '\n']), "{p:?}");
    }
    assert_no_boilerplate(
        &doc,
        &[
            "Notebook",
            "Archive",
            "Essays »",
            "Posted by",
            "min read",
            "Tags",
            "Share",
            "Mastodon",
            "Previous post",
            "Next post",
            "powered",
        ],
    );
}

#[test]
fn hard_wrapped_essay_with_licence_footer() {
    let doc = parse(&fixture("essay-wrapped.txt"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("On Keeping Bees in the City")
    );
    assert_eq!(doc.meta.byline.as_deref(), Some("Hana Lindqvist"));
    assert_eq!(doc.meta.date, None);
    let body = paragraphs(&doc);
    assert_eq!(body.len(), 4, "{}", dump(&doc));
    // Wrapped lines are joined with one space.
    assert_eq!(
        body[0],
        "There are more hives on the roofs of this city than there were orchards in the valley a \
         century ago. That sounds like a triumph, and for a few years it was described as one. \
         Every office building with a flat roof and a sustainability report wanted a hive or two, \
         and beekeeping courses filled up months in advance."
    );
    assert_eq!(
        body[3],
        "If you want to keep bees in the city, start by counting what grows within a short flight \
         of your roof. If the list is short, plant first and wait a year. The honey will taste \
         better for it."
    );
    // Not a page capture: the licence notice is kept, as a note below the essay.
    assert!(
        doc.notes.iter().any(|n| n.contains("Creative Commons")),
        "{}",
        dump(&doc)
    );
    assert!(!body.iter().any(|p| p.contains("licensed")));
}

#[test]
fn dated_dump_with_comments_section() {
    let doc = parse(&fixture("comments.txt"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("The Library That Lends Tools")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("5 November 2019"));
    assert_eq!(doc.meta.byline, None);
    let body = paragraphs(&doc);
    assert_eq!(body.len(), 4, "{}", dump(&doc));
    assert_eq!(
        body[0],
        "The most borrowed item at the new library on Mill Street is not a novel or a cookbook. \
         It is a cordless drill, and there is a waiting list for it that runs into the middle of \
         next month."
    );
    assert_eq!(
        body[3],
        "The volunteers say the library has also become a place where people meet. Someone who \
         borrows a tile cutter often comes back with questions, and someone else in the queue \
         usually has an answer."
    );
    assert_no_boilerplate(
        &doc,
        &[
            "MENU",
            "Tuesday",
            "comments",
            "Priya",
            "lovely idea",
            "Olu",
            "volunteered",
            "Reply",
            "Log in",
        ],
    );
}

const PLAIN_PARAGRAPHS: [&str; 5] = [
    "Some people argue that a city should never build another road, because new roads only fill up with new traffic and nothing is gained in the end.",
    "That is wrong.",
    "A road that carries buses, bicycles and deliveries as well as cars can make a city easier to live in, as long as its space is shared out with care and the cheapest way through is not always the car.",
    "The question is never whether to build, but what to build and for whom, and that question deserves a better answer than a slogan from either side of the argument.",
    "So build carefully.",
];

#[test]
fn plain_text_keeps_every_paragraph() {
    let text = format!(
        "Roads and Their Critics\n\n{}\n",
        PLAIN_PARAGRAPHS.join("\n\n")
    );
    let doc = parse(&text);
    assert_eq!(doc.meta.title.as_deref(), Some("Roads and Their Critics"));
    assert_eq!(paragraphs(&doc), PLAIN_PARAGRAPHS, "{}", dump(&doc));
    assert!(doc.notes.is_empty());
}

#[test]
fn plain_text_one_paragraph_per_line_keeps_every_paragraph() {
    let text = format!("Roads and Their Critics\n{}", PLAIN_PARAGRAPHS.join("\n"));
    let doc = parse(&text);
    assert_eq!(doc.meta.title.as_deref(), Some("Roads and Their Critics"));
    assert_eq!(paragraphs(&doc), PLAIN_PARAGRAPHS, "{}", dump(&doc));
}

#[test]
fn sentence_case_title_above_a_salutation() {
    for layout in ["\n", "\n\n"] {
        let text = format!(
            "Keep the ferry running on Sundays{layout}Dear Editor,{layout}{}",
            PLAIN_PARAGRAPHS.join(layout)
        );
        let doc = parse(&text);
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Keep the ferry running on Sundays"),
            "{}",
            dump(&doc)
        );
        // The salutation is the letter's, not furniture: it stays, above the body.
        let mut expected = vec!["Dear Editor,"];
        expected.extend(PLAIN_PARAGRAPHS);
        assert_eq!(paragraphs(&doc), expected, "{}", dump(&doc));
    }
}

#[test]
fn title_then_one_sentence_standfirst() {
    let dek =
        "Transcript of a panel recorded by the Eastfield Civic Society on 9 May, lightly edited.";
    let text = format!(
        "Debate: Should the Canal Path Be Lit at Night?\n\n{dek}\n\n{}",
        PLAIN_PARAGRAPHS.join("\n\n")
    );
    let doc = parse(&text);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Debate: Should the Canal Path Be Lit at Night?"),
        "{}",
        dump(&doc)
    );
    // The standfirst is the dek, or (when it reads like prose) the first paragraph.
    let body = paragraphs(&doc);
    assert!(body.ends_with(&PLAIN_PARAGRAPHS), "{}", dump(&doc));
    assert!(
        doc.meta.dek.as_deref() == Some(dek) || body[0] == dek,
        "{}",
        dump(&doc)
    );
}

#[test]
fn lone_cr_nbsp_and_tabs_are_normalised() {
    let text = format!(
        "Roads and Their Critics\r\r{}",
        PLAIN_PARAGRAPHS
            .map(|p| p.replacen(' ', "\u{a0}\u{a0}\t ", 1))
            .join("\r\r")
    );
    let doc = parse(&text);
    assert_eq!(doc.meta.title.as_deref(), Some("Roads and Their Critics"));
    assert_eq!(paragraphs(&doc), PLAIN_PARAGRAPHS, "{}", dump(&doc));
}

#[test]
fn ragged_lines_in_a_block_are_joined() {
    let text = "A Note on Wrapping\n\nThis paragraph was typed with line breaks\nwherever the writer felt like it, and those\nbreaks are not paragraph breaks at all.\n\nA second paragraph follows here, typed on one line, and it ends the note.\n";
    let doc = parse(text);
    assert_eq!(
        paragraphs(&doc),
        [
            "This paragraph was typed with line breaks wherever the writer felt like it, and those breaks are not paragraph breaks at all.",
            "A second paragraph follows here, typed on one line, and it ends the note."
        ],
        "{}",
        dump(&doc)
    );
}

#[test]
fn byline_dates_are_normalised() {
    let body = "The first paragraph of the article is long enough to count as prose, and it is written in full sentences with all the usual small words.\n\nThe second paragraph is just as ordinary, and it carries on the argument that the first one began, at some length and in plain words.";
    let cases = [
        ("By Ann Lee | SEPTEMBER 24, 2015", "24 September 2015"),
        ("By Ann Lee | 24 September 2015", "24 September 2015"),
        ("By Ann Lee | Sept. 24, 2015", "24 September 2015"),
        ("By Ann Lee, 2015-09-24", "24 September 2015"),
        ("By Ann Lee | 3rd May 2021", "3 May 2021"),
        ("By Ann Lee | 24/09/2015", "24/09/2015"),
    ];
    for (byline, date) in cases {
        let doc = parse(&format!("A Title For Testing\n{byline}\n\n{body}"));
        assert_eq!(doc.meta.byline.as_deref(), Some("Ann Lee"), "{byline}");
        assert_eq!(doc.meta.date.as_deref(), Some(date), "{byline}");
        assert_eq!(doc.meta.title.as_deref(), Some("A Title For Testing"));
        assert_eq!(doc.paragraphs.len(), 2, "{byline}");
    }
}

#[test]
fn list_items_and_headings_inside_the_body() {
    let text = "Three Reasons to Walk\n\nWalking to work is cheaper than driving, it is often quicker than people expect, and it leaves you in a better mood when you arrive.\n\nThe health case\n\nA brisk walk of twenty minutes each way adds up to more exercise than most people get in a week of trying to find time for the gym.\n\n- It costs nothing at all.\n- It needs no parking space.\n\nThere is no reason not to try it for a week and see how it feels before deciding anything.\n";
    let doc = parse(text);
    assert_eq!(doc.sections.len(), 1, "{}", dump(&doc));
    assert_eq!(doc.sections[0].title, "The health case");
    assert_eq!(doc.sections[0].first_paragraph, 1);
    let kinds: Vec<_> = doc.paragraphs.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(kinds.len(), 5, "{}", dump(&doc));
    assert_eq!(
        kinds[2],
        counterpoint::document::ParagraphKind::ListItem {
            marker: "-".into(),
            depth: 0
        }
    );
    assert_eq!(doc.paragraph_text(2), "It costs nothing at all.");
}

#[test]
fn empty_input_gives_empty_document() {
    assert!(parse("").paragraphs.is_empty());
    assert!(parse("\n\r\n  \t\n").paragraphs.is_empty());
}

#[test]
fn large_input_stays_linear() {
    // Multi-megabyte dump of many articles' worth of lines, with long runs of short lines.
    let mut text = String::new();
    for k in 0..5_000 {
        text.push_str(&format!("Menu item {k}\nHome | News | Sport\n\n"));
        text.push_str(PLAIN_PARAGRAPHS[k % 5]);
        text.push_str("\n\n");
    }
    let doc = parse(&text);
    // Menus all through the text, not around a body: no page capture, so nothing is
    // dropped.
    let kept = paragraphs(&doc);
    for (k, p) in PLAIN_PARAGRAPHS.iter().enumerate() {
        let count = kept.iter().filter(|q| *q == p).count();
        assert_eq!(count, 1_000, "paragraph {k} kept {count} times");
    }
}

/// Throughput: `cargo test --release --test loader -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let page = counterpoint::EMBEDDED_ARTICLE;
    let text = page.repeat(2_000);
    let started = std::time::Instant::now();
    let doc = parse(&text);
    let elapsed = started.elapsed();
    // Each copy's seven body paragraphs (and its note) sit between bad footers and menus.
    assert!(
        doc.paragraphs.len() >= 7 * 2_000,
        "{}",
        doc.paragraphs.len()
    );
    println!(
        "{:.1} MB in {:?}: {:.0} MB/s",
        text.len() as f64 / 1e6,
        elapsed,
        text.len() as f64 / 1e6 / elapsed.as_secs_f64()
    );
}

/// An editorial given as headline, blank line, body: the headline is the title whatever
/// its punctuation or case, and the body loses nothing.
#[test]
fn headline_line_above_the_body_is_the_title() {
    let body = "The government in Ankara has made clear that it will not tolerate a Kurdish state on its border. That is a position the West should respect.\n\nCritics say Turkey is overreacting, but history suggests otherwise. The last war on that border lasted a decade.\n";
    let cases = [
        ("Turkey's red line.", "Turkey's red line."),
        ("SAVE THE OLD BRIDGE", "SAVE THE OLD BRIDGE"),
        (
            "Should we fear a Kurdish state?",
            "Should we fear a Kurdish state?",
        ),
        ("Turkey's red line | The Daily Ledger", "Turkey's red line"),
        ("Turkey's red line - Ledger Online", "Turkey's red line"),
    ];
    for (headline, title) in cases {
        let doc = parse(&format!("{headline}\n\n{body}"));
        assert_eq!(doc.meta.title.as_deref(), Some(title), "{}", dump(&doc));
        let text = paragraphs(&doc);
        assert_eq!(text.len(), 2, "{}", dump(&doc));
        assert!(text[0].starts_with("The government in Ankara"));
    }
    // Under a byline too.
    let doc = parse(&format!("Turkey's red line.\n\nBy Ann Smith\n\n{body}"));
    assert_eq!(doc.meta.title.as_deref(), Some("Turkey's red line."));
    assert_eq!(doc.meta.byline.as_deref(), Some("Ann Smith"));
    // A first line that reads as body text (several sentences) stays in the body.
    let doc = parse(&format!(
        "We should save the bridge. It is old and it is ours.\n\n{body}"
    ));
    assert_eq!(doc.meta.title, None, "{}", dump(&doc));
    assert_eq!(paragraphs(&doc).len(), 3);
}

/// Every word of the document as loaded: header, body (list markers included), section
/// titles and notes.
fn loaded_words(doc: &Document) -> Vec<String> {
    let mut parts: Vec<String> = [&doc.meta.title, &doc.meta.dek, &doc.meta.byline]
        .iter()
        .filter_map(|m| (*m).clone())
        .collect();
    for (k, p) in doc.paragraphs.iter().enumerate() {
        if let counterpoint::document::ParagraphKind::ListItem { marker, .. } = &p.kind {
            parts.push(marker.clone());
        }
        parts.push(doc.paragraph_text(k).to_string());
    }
    parts.extend(doc.sections.iter().map(|s| s.title.clone()));
    parts.extend(doc.notes.iter().cloned());
    let mut words: Vec<String> = parts
        .iter()
        .flat_map(|p| p.split_whitespace().map(str::to_string))
        .collect();
    words.sort();
    words
}

fn assert_every_word_kept(text: &str) {
    let doc = parse(text);
    let mut input: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    input.sort();
    assert_eq!(loaded_words(&doc), input, "{}", dump(&doc));
}

/// Texts that are not page captures lose nothing: a man page rendered to text (justified
/// with double spaces, a header line with column gaps, a COPYRIGHT section), release notes
/// of bullets, a table in a report, other languages and scripts, a last line without a
/// full stop.
#[test]
fn documents_that_are_not_page_captures_keep_every_word() {
    let man_page = "\
TALLY(1)                 General Commands Manual                 TALLY(1)

NAME
       tally - count the lines, words and votes of a file

SYNOPSIS
       tally [-l | -w] [file ...]

DESCRIPTION
       Tally  reads  each  file  in turn and prints how many lines and words
       it holds.  With no file, or when file is -, it reads standard  input.

OPTIONS
       -l     Print only the number of lines.

       -w     Print only the number of words.

COPYRIGHT
       Tally is Copyright (C) 2024 by its authors.  All rights reserved.

tally 1.2                        March 2024                        TALLY(1)
";
    assert_every_word_kept(man_page);
    let release_notes = "\
Tally 1.2 Release Notes
=======================

Updates since v1.1
------------------

UI, Workflows & Features

 * \"tally -w\" learned to count words joined by hyphens as one.

 * The output of \"tally --votes\" is now sorted by the
   number of votes, then by name.

Fixes since v1.1
----------------

 * \"tally\" no longer crashes on an empty file.
   (merge 1a2b3c4 jd/empty-file later to maint).
";
    assert_every_word_kept(release_notes);
    let report = "\
Quarterly results

Region    Q1    Q2    Q3
North     12    15    19
South      9    11    10

Sales in the north grew in every quarter, while the south stood still.
";
    assert_every_word_kept(report);
    let german = "Warum wir die Bahn brauchen\n\nDie Bahn ist das Rückgrat einer klimafreundlichen Mobilität. Wer heute in Schienen investiert, spart morgen Kosten und Emissionen.\n\nKritiker sagen, der Ausbau sei zu teuer. Doch die Rechnung übersieht die Folgekosten des Straßenverkehrs.\n\nDeshalb sollte der Bund jetzt handeln.\n";
    assert_every_word_kept(german);
    let hebrew = "מקלה عن التعليم\n\nהחינוך הוא המפתח לעתיד טוב יותר. עלינו להשקיע בבתי הספר ובמורים.\n\nEducation is the key to a better future, and we should invest in schools now.\n";
    assert_every_word_kept(hebrew);
    let doc = parse(hebrew);
    assert_eq!(doc.meta.title.as_deref(), Some("מקלה عن التعليم"));
    let unfinished = "Why I walk to work\n\nWalking is the best decision I have made in years. It is cheaper than driving.\n\nEveryone who lives close to the office should try it for a month\n";
    assert_every_word_kept(unfinished);
}

/// The furniture a page capture loses is kept aside, in place: menus above the header,
/// the "Copyedited by", "Comments to" and link rows after the body. Nothing else is.
#[test]
fn hidden_furniture_is_kept_in_place() {
    let doc = parse(counterpoint::EMBEDDED_ARTICLE);
    let furniture: Vec<(Option<usize>, &str)> = doc
        .furniture
        .iter()
        .map(|f| (f.before, f.text.as_str()))
        .collect();
    assert!(furniture.len() >= 6, "{furniture:#?}\n{}", dump(&doc));
    assert!(furniture[0].0.is_none() && furniture[0].1.contains("Deutsch"));
    let after_body = Some(doc.paragraphs.len());
    for text in ["Copyedited by Jordyn Dahl", "About Us"] {
        assert!(
            furniture
                .iter()
                .any(|(at, t)| *at == after_body && t.contains(text)),
            "{text}: {furniture:#?}"
        );
    }
    // Every word of the capture is somewhere: header, body, notes or furniture.
    let mut kept: Vec<String> = loaded_words(&doc);
    kept.extend(
        doc.furniture
            .iter()
            .flat_map(|f| f.text.split_whitespace().map(str::to_string)),
    );
    for bare in counterpoint::EMBEDDED_ARTICLE.split(|c: char| !c.is_alphanumeric()) {
        if bare.len() > 3 && !["SEPTEMBER", "2015"].contains(&bare) {
            assert!(kept.iter().any(|k| k.contains(bare)), "{bare} lost");
        }
    }
    // A text kept whole has none.
    assert!(parse(&fixture("essay-wrapped.txt")).furniture.is_empty());
}

/// `--keep-all`: a page capture keeps its menus and footers in the body.
#[test]
fn keep_all_keeps_the_furniture_in_the_body() {
    use counterpoint::source::plaintext::{Part, parse_part_with};
    let doc = parse_part_with(counterpoint::EMBEDDED_ARTICLE, Part::Whole, true);
    assert!(doc.furniture.is_empty());
    let body = paragraphs(&doc).join("\n");
    for text in ["Copyedited by Jordyn Dahl", "About Us", "Follow us on"] {
        assert!(body.contains(text), "{text}: {}", dump(&doc));
    }
}
