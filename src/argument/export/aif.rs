//! AIF (Argument Interchange Format) in the AIFdb JSON layout: `nodes` (I-nodes for
//! statements, RA-nodes for inference, CA-nodes for conflict), `edges` from premise or
//! attacker to the S-node and from the S-node to the conclusion or attacked statement, and
//! an empty `locutions` list.

use serde_json::{Value, json};

use super::Tree;
use crate::argument::ArgumentMap;
use crate::document::Document;

/// The map as AIFdb JSON, stamped with the current time (UTC).
pub fn aif(doc: &Document, map: &ArgumentMap) -> String {
    aif_at(doc, map, &timestamp_now())
}

/// The map as AIFdb JSON with the given timestamp ("YYYY-MM-DD HH:MM:SS").
pub fn aif_at(doc: &Document, map: &ArgumentMap, timestamp: &str) -> String {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    if let Some(tree) = Tree::of(doc, map) {
        // I-nodes in reading order, so an importer that meets the same sentence twice can
        // place the copies in order.
        let mut order: Vec<usize> = (0..tree.statements.len()).collect();
        order.sort_by_key(|&i| {
            (
                tree.statements[i].anchor.is_some(),
                tree.statements[i].anchor,
            )
        });
        let mut id_of = vec![0; tree.statements.len()];
        for &index in &order {
            nodes.push(node(
                nodes.len() + 1,
                &tree.statements[index].text,
                "I",
                timestamp,
            ));
            id_of[index] = nodes.len();
        }
        let mut link = |from: usize, to: usize, kind: &str| {
            let text = if kind == "RA" {
                "Default Inference"
            } else {
                "Default Conflict"
            };
            nodes.push(node(nodes.len() + 1, text, kind, timestamp));
            let scheme = nodes.len();
            for (from, to) in [(from, scheme), (scheme, to)] {
                edges.push(json!({
                    "edgeID": (edges.len() + 1).to_string(),
                    "fromID": from.to_string(),
                    "toID": to.to_string(),
                    "formEdgeID": null,
                }));
            }
        };
        let root = id_of[tree.root];
        for &support in &tree.supports {
            link(id_of[support], root, "RA");
        }
        for (counter, rebuttals) in &tree.attacks {
            link(id_of[*counter], root, "CA");
            for &rebuttal in rebuttals {
                link(id_of[rebuttal], id_of[*counter], "CA");
            }
        }
    }
    let out = json!({ "nodes": nodes, "edges": edges, "locutions": [] });
    serde_json::to_string_pretty(&out).expect("JSON values always serialise")
}

fn node(id: usize, text: &str, kind: &str, timestamp: &str) -> Value {
    json!({
        "nodeID": id.to_string(),
        "text": text,
        "type": kind,
        "timestamp": timestamp,
    })
}

/// Now, UTC, as AIFdb writes timestamps.
fn timestamp_now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_timestamp(seconds)
}

/// Seconds since 1970 → "YYYY-MM-DD HH:MM:SS" (proleptic Gregorian, days-to-civil).
fn format_timestamp(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::format_timestamp;

    #[test]
    fn timestamps_are_civil_dates() {
        assert_eq!(format_timestamp(0), "1970-01-01 00:00:00");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(format_timestamp(1_700_000_000), "2023-11-14 22:13:20");
    }
}
