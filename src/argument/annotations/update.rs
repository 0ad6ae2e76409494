//! Saving an annotation file by editing it in place (`toml_edit`), so what its writer put
//! there stays: comments, formatting, the order of the claims, quotes of a clause rather
//! than the whole sentence. Entries are matched to the map's items by kind and sentence;
//! a kept entry changes only in its note and rebuttals, and only when they changed;
//! entries of removed items go; new items are added at the end, written as [`to_toml`]
//! writes them.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item as TomlItem, Table, value};

use super::write::{SelectorOut, selector};
use super::{AnnotationFile, anchor, to_toml};
use crate::argument::{ArgumentMap, ClaimKind, Item, Rejected};
use crate::document::{Document, SentenceRef};

/// The annotation file `original` (the text last loaded or saved; `None` if there was
/// none) changed to hold `map` and `rejected`. Without an original, or if it no longer
/// reads, the file is written afresh.
pub fn update_toml(
    original: Option<&str>,
    map: &ArgumentMap,
    doc: &Document,
    rejected: &[Rejected],
) -> String {
    let fresh = || to_toml(map, doc, rejected);
    let Some(original) = original.filter(|t| !t.trim().is_empty()) else {
        return fresh();
    };
    let (Ok(mut edited), Ok(file)) = (
        original.parse::<DocumentMut>(),
        toml::from_str::<AnnotationFile>(original),
    ) else {
        return fresh();
    };
    // Entries written another way than as `[[claim]]` tables (an inline array) are not
    // edited in place: the file is written afresh rather than lose them.
    let tables_match = |key: &str, count: usize| match edited.get(key) {
        None => count == 0,
        Some(TomlItem::ArrayOfTables(tables)) => tables.len() == count,
        Some(_) => false,
    };
    if !tables_match("claim", file.claim.len()) || !tables_match("rejected", file.rejected.len()) {
        return fresh();
    }
    let claims: Vec<Option<Entry>> = file
        .claim
        .iter()
        .map(|entry| {
            Some(Entry {
                kind: entry.kind,
                anchor: anchor(doc, &entry.selector).ok()?,
                rebuttals: entry
                    .rebuttals
                    .iter()
                    .map(|r| anchor(doc, &r.selector()).ok())
                    .collect(),
                note: entry.note.clone(),
            })
        })
        .collect();
    let rejections: Vec<Option<Entry>> = file
        .rejected
        .iter()
        .map(|entry| {
            Some(Entry {
                kind: entry.kind,
                anchor: anchor(doc, &entry.selector).ok()?,
                rebuttals: Vec::new(),
                note: None,
            })
        })
        .collect();
    let rebuttal_values: Vec<Vec<toml_edit::Value>> = match edited.get("claim") {
        Some(TomlItem::ArrayOfTables(tables)) => tables
            .iter()
            .map(|t| match t.get("rebuttals").and_then(TomlItem::as_array) {
                Some(array) => array.iter().cloned().collect(),
                None => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    };

    let claim_pairs = pair(&claims, map.items.iter().map(|i| (i.kind, i.anchor)));
    let tables = array_of_tables(&mut edited, "claim");
    // Entries of items that are gone, from the last so the indices stay valid.
    for index in (0..claims.len()).rev() {
        if !claim_pairs.contains(&Some(index)) && index < tables.len() {
            tables.remove(index);
        }
    }
    let kept: Vec<usize> = {
        let mut kept: Vec<usize> = claim_pairs.iter().flatten().copied().collect();
        kept.sort_unstable();
        kept
    };
    for (item, matched) in map.items.iter().zip(&claim_pairs) {
        match matched {
            Some(index) => {
                let position = kept.binary_search(index).unwrap_or(0);
                let entry = claims[*index].as_ref().expect("matched entries anchor");
                if let Some(table) = tables.get_mut(position) {
                    update_claim(table, entry, item, &rebuttal_values[*index], doc);
                }
            }
            None => tables.push(new_claim(item, doc)),
        }
    }
    drop_if_empty(&mut edited, "claim");

    let rejected_pairs = pair(&rejections, rejected.iter().map(|r| (r.kind, r.anchor)));
    let tables = array_of_tables(&mut edited, "rejected");
    for index in (0..rejections.len()).rev() {
        if !rejected_pairs.contains(&Some(index)) && index < tables.len() {
            tables.remove(index);
        }
    }
    for (rejection, matched) in rejected.iter().zip(&rejected_pairs) {
        if matched.is_none() {
            let mut table = Table::new();
            table.insert("kind", value(kind_name(rejection.kind)));
            insert_selector(&mut table, selector(doc, rejection.anchor));
            tables.push(table);
        }
    }
    drop_if_empty(&mut edited, "rejected");
    edited.to_string()
}

/// An entry of the file, anchored.
struct Entry {
    kind: ClaimKind,
    anchor: SentenceRef,
    /// Each rebuttal's sentence (`None`: it no longer anchors).
    rebuttals: Vec<Option<SentenceRef>>,
    note: Option<String>,
}

/// For each wanted `(kind, sentence)`, the first entry not taken yet with that kind and
/// sentence, if any.
fn pair(
    entries: &[Option<Entry>],
    wanted: impl Iterator<Item = (ClaimKind, SentenceRef)>,
) -> Vec<Option<usize>> {
    let mut taken = vec![false; entries.len()];
    wanted
        .map(|(kind, at)| {
            let index = entries.iter().enumerate().position(|(i, e)| {
                !taken[i] && e.as_ref().is_some_and(|e| e.kind == kind && e.anchor == at)
            })?;
            taken[index] = true;
            Some(index)
        })
        .collect()
}

/// The array of tables under `key`, made if missing.
fn array_of_tables<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut ArrayOfTables {
    if !matches!(doc.get(key), Some(TomlItem::ArrayOfTables(_))) {
        doc.insert(key, TomlItem::ArrayOfTables(ArrayOfTables::new()));
    }
    doc[key]
        .as_array_of_tables_mut()
        .expect("just made an array of tables")
}

fn drop_if_empty(doc: &mut DocumentMut, key: &str) {
    if doc
        .get(key)
        .and_then(TomlItem::as_array_of_tables)
        .is_some_and(ArrayOfTables::is_empty)
    {
        doc.remove(key);
    }
}

/// A kept entry: its note and rebuttals set to the item's when they differ; the rest (its
/// quote, comments, layout) as written.
fn update_claim(
    table: &mut Table,
    entry: &Entry,
    item: &Item,
    rebuttal_values: &[toml_edit::Value],
    doc: &Document,
) {
    let note = item.note.as_deref().filter(|n| !n.trim().is_empty());
    if note != entry.note.as_deref() {
        match note {
            Some(note) => set_keeping_layout(table, "note", note.into()),
            None => {
                table.remove("note");
            }
        }
    }
    let mut before: Vec<SentenceRef> = entry.rebuttals.iter().flatten().copied().collect();
    before.sort();
    before.dedup();
    if before == item.rebuttals && entry.rebuttals.iter().all(Option::is_some) {
        return;
    }
    if item.rebuttals.is_empty() {
        table.remove("rebuttals");
        return;
    }
    let mut array = Array::new();
    for at in &item.rebuttals {
        // A rebuttal already in the file keeps its written form.
        let written = entry
            .rebuttals
            .iter()
            .position(|r| *r == Some(*at))
            .and_then(|i| rebuttal_values.get(i));
        match written {
            Some(written) => array.push_formatted(written.clone()),
            None => array.push(rebuttal_value(doc, *at)),
        }
    }
    set_keeping_layout(table, "rebuttals", array.into());
}

/// Sets `key` to `new`, keeping the spacing and comments around the old value if any.
fn set_keeping_layout(table: &mut Table, key: &str, mut new: toml_edit::Value) {
    match table.get_mut(key).and_then(TomlItem::as_value_mut) {
        Some(old) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        None => {
            table.insert(key, value(new));
        }
    }
}

fn new_claim(item: &Item, doc: &Document) -> Table {
    let mut table = Table::new();
    table.insert("kind", value(kind_name(item.kind)));
    insert_selector(&mut table, selector(doc, item.anchor));
    if let Some(note) = item.note.as_ref().filter(|n| !n.trim().is_empty()) {
        table.insert("note", value(&**note));
    }
    if !item.rebuttals.is_empty() {
        let mut array = Array::new();
        for at in &item.rebuttals {
            array.push(rebuttal_value(doc, *at));
        }
        table.insert("rebuttals", value(array));
    }
    table
}

/// A rebuttal as [`to_toml`] writes it: its quote, or a selector when the quote needs
/// context.
fn rebuttal_value(doc: &Document, at: SentenceRef) -> toml_edit::Value {
    let SelectorOut {
        quote,
        prefix,
        suffix,
    } = selector(doc, at);
    if prefix.is_none() && suffix.is_none() {
        return quote.into();
    }
    let mut inline = InlineTable::new();
    inline.insert("quote", quote.into());
    if let Some(prefix) = prefix {
        inline.insert("prefix", prefix.into());
    }
    if let Some(suffix) = suffix {
        inline.insert("suffix", suffix.into());
    }
    inline.into()
}

fn insert_selector(table: &mut Table, selector: SelectorOut) {
    table.insert("quote", value(selector.quote));
    if let Some(prefix) = selector.prefix {
        table.insert("prefix", value(prefix));
    }
    if let Some(suffix) = selector.suffix {
        table.insert("suffix", value(suffix));
    }
}

fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Key => "key",
        ClaimKind::Counter => "counter",
    }
}
