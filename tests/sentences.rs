//! The sentence splitter on the hard cases: abbreviations, initials, numbers, quotes.

use counterpoint::document::sentences::split;

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn plain_sentences_split() {
    assert_eq!(
        sentences("One thing. Two things! Three things? Four."),
        ["One thing.", "Two things!", "Three things?", "Four."]
    );
}

#[test]
fn ranges_are_trimmed_ordered_and_cover_the_text() {
    let text = "  First one.   Second one.\n Third one.  ";
    let ranges = split(text);
    assert_eq!(ranges.len(), 3);
    for pair in ranges.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
    for r in &ranges {
        let s = &text[r.clone()];
        assert_eq!(s, s.trim());
    }
    assert_eq!(&text[ranges[0].clone()], "First one.");
    assert_eq!(&text[ranges[2].clone()], "Third one.");
}

#[test]
fn empty_and_blank_text_have_no_sentences() {
    assert!(split("").is_empty());
    assert!(split("   \n ").is_empty());
}

#[test]
fn text_without_final_stop_is_one_sentence() {
    assert_eq!(sentences("no stop at the end"), ["no stop at the end"]);
}

#[test]
fn titles_do_not_end_sentences() {
    assert_eq!(
        sentences(
            "Mr. Smith met Dr. Jones, Mrs. Lee, Ms. Park and Prof. Hale at St. Paul's. They talked."
        ),
        [
            "Mr. Smith met Dr. Jones, Mrs. Lee, Ms. Park and Prof. Hale at St. Paul's.",
            "They talked."
        ]
    );
    assert_eq!(
        sentences("Gov. Brown and Sen. Warren spoke. Nobody listened."),
        ["Gov. Brown and Sen. Warren spoke.", "Nobody listened."]
    );
}

#[test]
fn acronyms_inside_a_sentence_do_not_split() {
    assert_eq!(
        sentences("The U.S. Government and the U.K. agreed. Talks resumed."),
        ["The U.S. Government and the U.K. agreed.", "Talks resumed."]
    );
    assert_eq!(
        sentences("It shapes China-U.S. ties. Both sides know it."),
        ["It shapes China-U.S. ties.", "Both sides know it."]
    );
}

#[test]
fn acronym_at_sentence_end_before_a_starter_splits() {
    assert_eq!(
        sentences("It is a sticking point between China and the U.S. The next round begins soon."),
        [
            "It is a sticking point between China and the U.S.",
            "The next round begins soon."
        ]
    );
    assert_eq!(
        sentences("Trade with the U.K. But nobody expected it."),
        ["Trade with the U.K.", "But nobody expected it."]
    );
}

#[test]
fn acronym_at_text_end_is_kept() {
    assert_eq!(
        sentences("A point between China and the U.S."),
        ["A point between China and the U.S."]
    );
}

#[test]
fn latin_abbreviations_stay_inside() {
    assert_eq!(
        sentences("Fruit, e.g. apples, i.e. red ones, etc. are good. Vegetables too."),
        [
            "Fruit, e.g. apples, i.e. red ones, etc. are good.",
            "Vegetables too."
        ]
    );
    assert_eq!(
        sentences("Pears vs. apples is old. So is this."),
        ["Pears vs. apples is old.", "So is this."]
    );
}

#[test]
fn etc_at_sentence_end_before_a_starter_splits() {
    assert_eq!(
        sentences("We need apples, pears, etc. The list goes on."),
        ["We need apples, pears, etc.", "The list goes on."]
    );
}

#[test]
fn months_numbers_and_companies() {
    assert_eq!(
        sentences("See No. 5 vs. No. 6 on Jan. 3. It was cold."),
        ["See No. 5 vs. No. 6 on Jan. 3.", "It was cold."]
    );
    assert_eq!(
        sentences("It happened on Sept. 24, 2015 in Beijing. Then it ended."),
        [
            "It happened on Sept. 24, 2015 in Beijing.",
            "Then it ended."
        ]
    );
    assert_eq!(
        sentences("Acme Inc. and Widget Ltd. merged. Shares rose."),
        ["Acme Inc. and Widget Ltd. merged.", "Shares rose."]
    );
}

#[test]
fn no_is_a_word_when_not_before_a_number() {
    assert_eq!(
        sentences("He said no. No. Then he left."),
        ["He said no.", "No.", "Then he left."]
    );
}

#[test]
fn initials_do_not_split() {
    assert_eq!(
        sentences("J. R. R. Tolkien wrote books. George W. Bush was president."),
        [
            "J. R. R. Tolkien wrote books.",
            "George W. Bush was president."
        ]
    );
}

#[test]
fn decimals_and_dotted_names_do_not_split() {
    assert_eq!(
        sentences("It grew 3.5 percent at example.com. Then it fell."),
        ["It grew 3.5 percent at example.com.", "Then it fell."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        sentences("Wait... what happened? I don't know... Really. And then… Nothing."),
        [
            "Wait... what happened?",
            "I don't know...",
            "Really.",
            "And then…",
            "Nothing."
        ]
    );
    assert_eq!(
        sentences("He paused … and went on."),
        ["He paused … and went on."]
    );
}

#[test]
fn closing_quotes_and_brackets_belong_to_the_sentence() {
    assert_eq!(
        sentences("He said \"No.\" Then he left."),
        ["He said \"No.\"", "Then he left."]
    );
    assert_eq!(
        sentences("She wrote “It is over.” Nobody replied."),
        ["She wrote “It is over.”", "Nobody replied."]
    );
    assert_eq!(
        sentences("(This is bracketed.) And this follows."),
        ["(This is bracketed.)", "And this follows."]
    );
}

#[test]
fn question_in_quotes_followed_by_lowercase_does_not_split() {
    assert_eq!(
        sentences("\"Why?\" he asked. \"Because!\" she said."),
        ["\"Why?\" he asked.", "\"Because!\" she said."]
    );
}

#[test]
fn multiple_marks_and_nbsp() {
    assert_eq!(
        sentences("Really?! Yes.\u{a0}Fine."),
        ["Really?!", "Yes.", "Fine."]
    );
}

#[test]
fn sentence_starting_with_number_or_quote_splits() {
    assert_eq!(
        sentences("It was over. 2016 began quietly. \"Good,\" he said."),
        ["It was over.", "2016 began quietly.", "\"Good,\" he said."]
    );
}

#[test]
fn cjk_full_stops_split_without_space() {
    assert_eq!(sentences("你好。再见。"), ["你好。", "再见。"]);
}

#[test]
fn embedded_article_paragraph_sentences() {
    let text = "The U.S. side has so far failed to provide any tangible evidence proving China is involved in cyber-attacks or business espionage. On the contrary, a large amount of data exposed by Edward Snowden clearly shows the U.S. Government and some relevant departments have long been engaged in large-scale and organized cyber espionage. America's surveillance activities are all-pervasive. This undoubtedly has alerted China to its own cybersecurity and increased China's doubts concerning U.S. cyberspace strategy.";
    let s = sentences(text);
    assert_eq!(s.len(), 4);
    assert!(s[1].starts_with("On the contrary"));
    assert!(s[3].ends_with("U.S. cyberspace strategy."));
}

/// Throughput: `cargo test --release --test sentences -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let paragraph = "Mr. Smith met Dr. Jones in the U.S. The next day, e.g. on Jan. 3, they \
        signed No. 5 of the deals, worth 3.5 billion. \"It is done,\" he said. Was it? \
        Nobody knew... Critics disagreed (strongly). ";
    let text = paragraph.repeat(200_000);
    let started = std::time::Instant::now();
    let count = split(&text).len();
    let elapsed = started.elapsed();
    assert_eq!(count, 200_000 * 6);
    println!(
        "{:.1} MB in {:?}: {:.0} MB/s",
        text.len() as f64 / 1e6,
        elapsed,
        text.len() as f64 / 1e6 / elapsed.as_secs_f64()
    );
}
