//! Reading AIFdb JSON: I-nodes become statements; each RA-node (support) or CA-node
//! (attack) relates the I-nodes with edges into it to the I-nodes its edges lead to.
//! Other nodes (locutions, transitions, rephrases) are ignored. IDs may be strings or
//! numbers, and the graph may sit under an "AIF" key (xAIF).

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use super::{Graph, Relation, Statement};

pub(super) fn parse(json: &str) -> Result<Graph> {
    let value: Value = serde_json::from_str(json).context("AIF: not valid JSON")?;
    let root = value.get("AIF").unwrap_or(&value);
    let (Some(nodes), Some(edges)) = (
        root.get("nodes").and_then(Value::as_array),
        root.get("edges").and_then(Value::as_array),
    ) else {
        bail!("AIF: expected \"nodes\" and \"edges\" lists");
    };
    let mut graph = Graph::default();
    let mut statement_of = HashMap::new();
    let mut scheme_of = HashMap::new();
    for node in nodes {
        let id = id(node.get("nodeID")).context("AIF: a node without nodeID")?;
        match node.get("type").and_then(Value::as_str) {
            Some("I") => {
                let text = node.get("text").and_then(Value::as_str).unwrap_or_default();
                statement_of.insert(id, graph.statements.len());
                graph.statements.push(Statement {
                    text: text.to_string(),
                    ..Statement::default()
                });
            }
            Some("RA") => {
                scheme_of.insert(id, Relation::Support);
            }
            Some("CA") => {
                scheme_of.insert(id, Relation::Attack);
            }
            _ => {}
        }
    }
    let mut into: HashMap<String, Vec<usize>> = HashMap::new();
    let mut out_of: HashMap<String, Vec<usize>> = HashMap::new();
    for edge in edges {
        let (Some(from), Some(to)) = (id(edge.get("fromID")), id(edge.get("toID"))) else {
            bail!("AIF: an edge without fromID or toID");
        };
        if let (Some(&statement), true) = (statement_of.get(&from), scheme_of.contains_key(&to)) {
            into.entry(to).or_default().push(statement);
        } else if let (true, Some(&statement)) =
            (scheme_of.contains_key(&from), statement_of.get(&to))
        {
            out_of.entry(from).or_default().push(statement);
        }
    }
    for (scheme, relation) in &scheme_of {
        for &from in into.get(scheme).into_iter().flatten() {
            for &to in out_of.get(scheme).into_iter().flatten() {
                graph.relations.push((from, *relation, to));
            }
        }
    }
    // HashMap order is arbitrary; relations are a set, but keep the result stable.
    graph
        .relations
        .sort_by_key(|&(from, rel, to)| (from, rel == Relation::Attack, to));
    Ok(graph)
}

fn id(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
