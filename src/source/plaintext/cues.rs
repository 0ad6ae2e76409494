//! Generic web-page cues: phrases that mark a line as site furniture (copyright, cookie
//! and licence notices, share and follow widgets, sign-in prompts), the start of what
//! follows an article (comments, related links), and author notes. None is specific to
//! one site; they complement the jusText scores, which would keep a cookie notice
//! written in full sentences.

/// Whether the unit is page furniture whatever its scores say.
pub fn is_boilerplate(text: &str, words: usize) -> bool {
    if text.contains('©') {
        return true;
    }
    if words > 40 {
        // Long units are prose unless they carry a rights notice; skip the lower-casing.
        return ["rights reserved", "Rights Reserved", "RIGHTS RESERVED"]
            .iter()
            .any(|r| text.contains(r));
    }
    let lower = text.to_lowercase();
    if lower.contains("all rights reserved") {
        return true;
    }
    {
        let cookie = lower.contains("cookie")
            && [
                "we use",
                "website",
                "this site",
                "our site",
                "browsing",
                "consent",
                "accept",
            ]
            .iter()
            .any(|w| lower.contains(w));
        let licence = (lower.contains("licensed under") || lower.contains("licence:"))
            || lower.contains("creative commons")
            || lower.starts_with("license:");
        let copyright =
            lower.starts_with("copyright") || (words <= 25 && lower.contains("copyright "));
        let policy = lower.contains("privacy policy")
            || lower.contains("terms of use")
            || lower.contains("terms of service");
        if cookie || licence || copyright || policy {
            return true;
        }
    }
    words <= 12 && starts_with_any(&lower, FURNITURE_OPENINGS)
}

/// Short lines that open what follows an article: comments, related links.
pub fn is_end_marker(text: &str, words: usize) -> bool {
    if words > 6 {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches([':', '.', ' ']);
    // "12 comments", "3 Responses"
    let counted = lower.split_once(' ').is_some_and(|(n, rest)| {
        n.bytes().all(|b| b.is_ascii_digit()) && END_WORDS.contains(&rest)
    });
    counted || END_WORDS.contains(&lower) || starts_with_any(lower, END_OPENINGS)
}

/// A trailing note about the author or the article's first publication.
pub fn is_note(text: &str, words: usize) -> bool {
    if words > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    if starts_with_any(&lower, NOTE_OPENINGS) {
        return true;
    }
    // "Jane Doe is a professor of history at …"
    let mut parts = text.split(' ');
    let mut name_words = 0;
    for word in parts.by_ref() {
        if word.chars().next().is_some_and(char::is_uppercase) {
            name_words += 1;
        } else {
            if !(2..=4).contains(&name_words)
                || !matches!(word, "is" | "was" | "teaches" | "writes")
            {
                return false;
            }
            break;
        }
    }
    words <= 50 && ROLES.iter().any(|role| lower.contains(role))
}

fn starts_with_any(lower: &str, openings: &[&str]) -> bool {
    openings.iter().any(|o| {
        lower.strip_prefix(o).is_some_and(|rest| {
            rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()) || o.ends_with(' ')
        })
    })
}

const FURNITURE_OPENINGS: &[&str] = &[
    "follow us",
    "follow me",
    "share this",
    "share on",
    "share",
    "tweet",
    "email this",
    "print this",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "advertisement",
    "advertise",
    "sponsored",
    "copyedited by",
    "edited by",
    "comments to",
    "feedback to",
    "contact us",
    "about us",
    "skip to",
    "back to top",
    "jump to",
    "tags:",
    "filed under",
    "posted in",
    "categories:",
    "previous post",
    "next post",
    "reply",
    "leave a comment",
    "leave a reply",
    "log in to",
    "photo:",
    "image:",
    "credit:",
    "menu",
    "search",
    "home",
    "newsletter",
    "read more",
    "related",
    "you may also like",
    "more from",
    "recommended",
    "trending",
    "most read",
    "most popular",
    "like this",
    "licence",
    "license",
    "permalink",
];

const END_WORDS: &[&str] = &["comments", "comment", "responses", "replies", "discussion"];

const END_OPENINGS: &[&str] = &[
    "related",
    "read more",
    "read next",
    "more from",
    "more stories",
    "you may also like",
    "you might also like",
    "recommended",
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "join the conversation",
    "log in to comment",
    "show comments",
];

const NOTE_OPENINGS: &[&str] = &[
    "the author is ",
    "the author was ",
    "the authors are ",
    "the writer is ",
    "the writers are ",
    "about the author",
    "this article first ",
    "this article was ",
    "the article first ",
    "the article was first ",
    "this article originally ",
    "this essay first ",
    "this essay was ",
    "this story first ",
    "this piece first ",
    "a version of this ",
    "originally published ",
    "first published ",
];

const ROLES: &[&str] = &[
    "professor",
    "researcher",
    "fellow",
    "lecturer",
    "journalist",
    "correspondent",
    "editor",
    "columnist",
    "writer",
    "author of",
    "director of",
    "scholar",
    "analyst",
    "contributor",
    "student",
];
