//! Link files (`A.B.links.toml`, beside the first article): the links a reader confirmed,
//! rejected or added between two articles. Each end quotes its sentence as annotation
//! files do (`quote`, optional `prefix`/`suffix`; see `annotations::anchor_quote`), and
//! the file is saved the way annotation files are (`store::ClaimsStore`: atomically, with a
//! backup, never over a file that changed on disk).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::{End, Link, Relation, Status};
use crate::argument::annotations::{anchor_quote, quote_of};
use crate::document::Document;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    #[serde(default)]
    link: Vec<LinkIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkIn {
    from: EndIn,
    to: EndIn,
    relation: Relation,
    #[serde(default = "confirmed")]
    status: FileStatus,
    note: Option<String>,
}

fn confirmed() -> FileStatus {
    FileStatus::Confirmed
}

/// The statuses a file may hold (found links that no one judged are not saved).
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
enum FileStatus {
    Confirmed,
    Rejected,
    Added,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EndIn {
    article: usize,
    quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
}

#[derive(Serialize)]
struct FileOut {
    link: Vec<LinkOut>,
}

#[derive(Serialize)]
struct LinkOut {
    from: EndIn,
    to: EndIn,
    relation: Relation,
    status: FileStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

const HEADER: &str = "\
# Links between two articles, written by counterpoint.
# from: the answering item; to: the claim of the other article it addresses.
# article: 0 for the first article opened, 1 for the second; quote (prefix, suffix) as in
# annotation files. relation: rebuts, concedes, agrees or restates.
# status: confirmed, rejected (stays hidden) or added (made by hand).

";

/// `dir/A.txt`, `B.md` → `dir/A.B.links.toml`, beside the first article.
pub fn path_for(a: &Path, b: &Path) -> PathBuf {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    a.with_file_name(format!("{}.{}.links.toml", stem(a), stem(b)))
}

/// Reads a link file, anchoring each end in its article. `label` names the file in errors.
pub fn parse(text: &str, docs: [&Document; 2], label: &str) -> Result<Vec<Link>> {
    let file: FileIn =
        toml::from_str(text).map_err(|e| anyhow::anyhow!("{label}: {}", e.message().trim()))?;
    let mut links = Vec::with_capacity(file.link.len());
    for (index, entry) in file.link.iter().enumerate() {
        let context = || format!("{label}: link {}", index + 1);
        let from = end(&entry.from, docs).with_context(|| format!("{}: from", context()))?;
        let to = end(&entry.to, docs).with_context(|| format!("{}: to", context()))?;
        if from.article == to.article {
            bail!(
                "{}: both ends are in article {} (a link joins the two articles)",
                context(),
                from.article
            );
        }
        links.push(Link {
            from,
            to,
            relation: entry.relation,
            confidence: 1.0,
            evidence: Vec::new(),
            status: match entry.status {
                FileStatus::Confirmed => Status::Confirmed,
                FileStatus::Rejected => Status::Rejected,
                FileStatus::Added => Status::Added,
            },
            note: entry.note.clone(),
        });
    }
    Ok(links)
}

fn end(entry: &EndIn, docs: [&Document; 2]) -> Result<End> {
    let Some(doc) = docs.get(entry.article) else {
        bail!("article must be 0 or 1, not {}", entry.article);
    };
    let at = anchor_quote(
        doc,
        &entry.quote,
        entry.prefix.as_deref(),
        entry.suffix.as_deref(),
    )?;
    Ok(End {
        article: entry.article,
        at,
    })
}

/// The judged links (confirmed, rejected, added) as a link file; found links no reader
/// judged are not written. [`parse`] reads it back to the same links.
pub fn to_toml(links: &[Link], docs: [&Document; 2]) -> String {
    let out_end = |end: End| {
        let (quote, prefix, suffix) = quote_of(docs[end.article], end.at);
        EndIn {
            article: end.article,
            quote,
            prefix,
            suffix,
        }
    };
    let file = FileOut {
        link: links
            .iter()
            .filter_map(|link| {
                let status = match link.status {
                    Status::Detected => return None,
                    Status::Confirmed => FileStatus::Confirmed,
                    Status::Rejected => FileStatus::Rejected,
                    Status::Added => FileStatus::Added,
                };
                Some(LinkOut {
                    from: out_end(link.from),
                    to: out_end(link.to),
                    relation: link.relation,
                    status,
                    note: link.note.clone().filter(|n| !n.trim().is_empty()),
                })
            })
            .collect(),
    };
    let body = toml::to_string_pretty(&file).expect("link files always serialise");
    format!("{HEADER}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Metadata, SentenceRef};

    fn docs() -> (Document, Document) {
        (
            Document::from_paragraphs(
                Metadata::default(),
                &[
                    "Taxes are good. Taxes are good.",
                    "The power of taxation is dangerous.",
                ],
            ),
            Document::from_paragraphs(
                Metadata::default(),
                &["It is alleged that the power of taxation will be abused."],
            ),
        )
    }

    #[test]
    fn links_read_back_as_written() {
        let (a, b) = docs();
        let text = r#"
[[link]]
from = { article = 1, quote = "It is alleged that the power   of taxation will be abused." }
to = { article = 0, quote = "The power of taxation is dangerous." }
relation = "rebuts"
status = "confirmed"
note = "the heart of it"

[[link]]
from = { article = 1, quote = "It is alleged" }
to = { article = 0, quote = "Taxes are good.", prefix = "good." }
relation = "concedes"
status = "rejected"
"#;
        let links = parse(text, [&a, &b], "a.b.links.toml").unwrap();
        assert_eq!(links.len(), 2);
        assert_eq!(
            links[0].to.at,
            SentenceRef {
                paragraph: 1,
                sentence: 0
            }
        );
        assert_eq!(
            links[1].to.at,
            SentenceRef {
                paragraph: 0,
                sentence: 1
            }
        );
        assert_eq!(links[1].status, Status::Rejected);
        let written = to_toml(&links, [&a, &b]);
        assert_eq!(parse(&written, [&a, &b], "x").unwrap(), links);
    }

    #[test]
    fn bad_files_name_the_link_and_the_end() {
        let (a, b) = docs();
        let missing = "[[link]]\nfrom = { article = 1, quote = \"nowhere\" }\nto = { article = 0, quote = \"Taxes\" }\nrelation = \"rebuts\"\n";
        let message = format!(
            "{:#}",
            parse(missing, [&a, &b], "x.links.toml").unwrap_err()
        );
        assert!(message.contains("x.links.toml: link 1: from"), "{message}");
        let same = "[[link]]\nfrom = { article = 0, quote = \"The power\" }\nto = { article = 0, quote = \"Taxes are good.\", prefix = \"good.\" }\nrelation = \"rebuts\"\n";
        let message = format!("{:#}", parse(same, [&a, &b], "x").unwrap_err());
        assert!(message.contains("both ends"), "{message}");
        let bad_relation = "[[link]]\nfrom = { article = 1, quote = \"It\" }\nto = { article = 0, quote = \"The power\" }\nrelation = \"likes\"\n";
        assert!(parse(bad_relation, [&a, &b], "x").is_err());
    }

    #[test]
    fn the_file_goes_beside_the_first_article() {
        assert_eq!(
            path_for(
                Path::new("dir/brutus-1.txt"),
                Path::new("/x/federalist-1.md")
            ),
            PathBuf::from("dir/brutus-1.federalist-1.links.toml")
        );
    }
}
