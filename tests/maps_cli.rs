//! Exporting and importing argument maps through the command line.

use std::process::Command;

use serde_json::Value;

fn outline(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .arg("outline")
        .args(args)
        .output()
        .expect("run counterpoint outline");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Kind, paragraph, sentence and rebuttals of every claim, in order.
fn claims(json: &[u8]) -> Vec<Value> {
    let outline: Value = serde_json::from_slice(json).unwrap();
    outline["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| serde_json::json!([c["kind"], c["paragraph"], c["text"], c["rebuttals"]]))
        .collect()
}

#[test]
fn aif_export_has_aifdb_nodes_and_edges_and_imports_back_to_the_same_map() {
    let aif = outline(&["--format", "aif"]);
    let graph: Value = serde_json::from_slice(&aif).expect("AIF is JSON");
    let nodes = graph["nodes"].as_array().expect("nodes");
    let edges = graph["edges"].as_array().expect("edges");
    for node in nodes {
        assert!(
            node["nodeID"].is_string() && node["text"].is_string(),
            "{node}"
        );
        assert!(
            ["I", "RA", "CA"].contains(&node["type"].as_str().unwrap()),
            "{node}"
        );
    }
    for edge in edges {
        assert!(
            edge["edgeID"].is_string() && edge["fromID"].is_string() && edge["toID"].is_string()
        );
    }
    let count = |kind: &str| nodes.iter().filter(|n| n["type"] == kind).count();
    assert!(count("I") >= 15 && count("RA") >= 5 && count("CA") >= 5);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, &aif).unwrap();
    let imported = outline(&["--map", path.to_str().unwrap()]);
    assert_eq!(claims(&imported), claims(&outline(&[])));
}

#[test]
fn argdown_export_follows_its_syntax_and_imports_back() {
    let argdown = String::from_utf8(outline(&["--format", "argdown"])).unwrap();
    let mut statements = 0;
    for line in argdown.lines().filter(|l| !l.trim().is_empty()) {
        let body = line.trim_start();
        let body = body
            .strip_prefix("+ ")
            .or_else(|| body.strip_prefix("- "))
            .unwrap_or(body);
        if body.starts_with('#') {
            continue;
        }
        assert!(body.starts_with('['), "not a statement: {line}");
        assert!(body.contains("]: "), "no title: {line}");
        statements += 1;
    }
    assert!(statements >= 15);
    assert!(argdown.contains("\n  - [") && argdown.contains("\n    - ["));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.argdown");
    std::fs::write(&path, &argdown).unwrap();
    let imported = outline(&["--map", path.to_str().unwrap()]);
    assert_eq!(claims(&imported), claims(&outline(&[])));
}

#[test]
fn the_outline_formats_say_which_claim_is_the_thesis() {
    for detect in [false, true] {
        let mut args = vec!["--format", "json"];
        if detect {
            args.push("--detect");
        }
        let json: Value = serde_json::from_slice(&outline(&args)).unwrap();
        let claims = json["claims"].as_array().unwrap();
        let theses: Vec<&Value> = claims.iter().filter(|c| c["thesis"] == true).collect();
        assert_eq!(theses.len(), 1, "detect {detect}");
        assert_eq!(theses[0]["kind"], "key");
        if !detect {
            // The annotation notes its thesis.
            assert_eq!(theses[0]["note"], "Thesis.");
        }
        let mut args = vec!["--format", "markdown"];
        if detect {
            args.push("--detect");
        }
        let markdown = String::from_utf8(outline(&args)).unwrap();
        let thesis = markdown.find("## Thesis\n\n- ¶").expect("a Thesis heading");
        let keys = markdown.find("## Key claims").unwrap();
        let counters = markdown.find("## Counterclaims").unwrap();
        assert!(thesis < keys && keys < counters, "{markdown}");
        let text = theses[0]["text"].as_str().unwrap();
        assert!(markdown[thesis..keys].contains(text), "{markdown}");
        // The thesis is not listed again among the key claims.
        assert!(!markdown[keys..counters].contains(text), "{markdown}");
    }
}
