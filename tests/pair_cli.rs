//! Two articles through the command line: the outline of a pair (JSON and Markdown), the
//! link file beside them, and `eval --pairs`.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const OWN: &str = "tests/pairs/own";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .args(args)
        .output()
        .expect("run counterpoint")
}

fn own(name: &str) -> String {
    format!("{OWN}/{name}")
}

fn pair_json(a: &str, b: &str, extra: &[&str]) -> Value {
    let mut args = vec!["outline", a, b, "--format", "json"];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the pair outline is JSON")
}

#[test]
fn a_reply_that_rebuts_by_name_links_its_items_to_the_key_claims_it_rebuts() {
    let json = pair_json(
        &own("congestion-charge-oped.txt"),
        &own("congestion-charge-reply.txt"),
        &["--detect"],
    );
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let links = json["links"].as_array().unwrap();
    assert!(!links.is_empty());
    let mut rebuts_a_key_claim = 0;
    for link in links {
        let (from, to) = (&link["from"], &link["to"]);
        assert_ne!(from["article"], to["article"], "{link}");
        for end in [from, to] {
            let article = end["article"].as_u64().unwrap() as usize;
            if let Some(claim) = end["claim"].as_u64() {
                assert!((claim as usize) < articles[article]["claims"].as_array().unwrap().len());
            }
        }
        let confidence = link["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        assert!(!link["evidence"].as_array().unwrap().is_empty(), "{link}");
        let target = &articles[to["article"].as_u64().unwrap() as usize]["claims"]
            [to["claim"].as_u64().unwrap() as usize];
        if from["article"] == 1 && link["relation"] == "rebuts" && target["kind"] == "key" {
            rebuts_a_key_claim += 1;
        }
    }
    assert!(rebuts_a_key_claim >= 2, "{json:#}");
    // The annotated maps: B's counterclaim quoting A's claim restates it, and the link's
    // evidence says how.
    let json = pair_json(
        &own("congestion-charge-oped.txt"),
        &own("congestion-charge-reply.txt"),
        &[],
    );
    let quoting = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            l["from"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Most troubling")
        })
        .expect("a link from the counterclaim that quotes A");
    assert_eq!(quoting["relation"], "restates");
    assert_eq!(quoting["to"]["article"], 0);
    let evidence: Vec<&str> = quoting["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        evidence.iter().any(|e| e.starts_with("quotes it")),
        "{evidence:?}"
    );
    assert!(
        evidence.iter().any(|e| e.contains("'Hale'")),
        "{evidence:?}"
    );
}

#[test]
fn an_unrelated_pair_has_no_links() {
    for extra in [&[][..], &["--detect"][..]] {
        let json = pair_json(
            &own("school-bees-essay.txt"),
            &own("night-train-oped.txt"),
            extra,
        );
        assert_eq!(json["links"], Value::Array(Vec::new()), "{json:#}");
    }
    let output = run(&[
        "outline",
        &own("school-bees-essay.txt"),
        &own("night-train-oped.txt"),
        "--format",
        "markdown",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("# Every School Should Keep Bees"));
    assert!(text.contains("# Bring Back the Night Train"));
    assert!(text.contains("None found: neither article answers the other."));
}

#[test]
fn the_markdown_outline_says_the_links_in_words() {
    let output = run(&[
        "outline",
        &own("congestion-charge-oped.txt"),
        &own("congestion-charge-reply.txt"),
        "--format",
        "markdown",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("# Links"), "{text}");
    assert!(text.contains("- B ¶4 restates A ¶4"), "{text}");
}

#[test]
fn a_link_file_beside_the_articles_confirms_rejects_and_adds() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["congestion-charge-oped.txt", "congestion-charge-reply.txt"] {
        std::fs::copy(Path::new(OWN).join(name), dir.path().join(name)).unwrap();
    }
    let a = dir.path().join("congestion-charge-oped.txt");
    let b = dir.path().join("congestion-charge-reply.txt");
    let links_file = dir
        .path()
        .join("congestion-charge-oped.congestion-charge-reply.links.toml");
    std::fs::write(
        &links_file,
        r#"
[[link]]
from = { article = 1, quote = "I agree that downtown needs fewer cars." }
to = { article = 0, quote = "Nothing about the charge is radical." }
relation = "concedes"
status = "added"

[[link]]
from = { article = 1, quote = "Hale claims that a congestion charge would cut downtown traffic by a fifth" }
to = { article = 0, quote = "A congestion charge would cut downtown traffic by a fifth in Harborview too." }
relation = "restates"
status = "rejected"
"#,
    )
    .unwrap();
    let json = pair_json(a.to_str().unwrap(), b.to_str().unwrap(), &["--detect"]);
    let json_judged = pair_json(a.to_str().unwrap(), b.to_str().unwrap(), &[]);
    let texts = |json: &Value| -> Vec<(String, String)> {
        json["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["from"]["text"].as_str().unwrap().to_string(),
                    l["status"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert!(!texts(&json).iter().any(|(_, s)| s == "added"));
    let judged = texts(&json_judged);
    assert!(judged.contains(&(
        "I agree that downtown needs fewer cars.".into(),
        "added".into()
    )));
    assert!(
        !judged.iter().any(|(t, _)| t.starts_with("Hale claims")),
        "{judged:?}"
    );
    // A link file that does not anchor is one clear line naming it.
    std::fs::write(
        &links_file,
        "[[link]]\nfrom = { article = 1, quote = \"nowhere\" }\nto = { article = 0, quote = \"Nothing\" }\nrelation = \"rebuts\"\n",
    )
    .unwrap();
    let output = run(&["outline", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("links.toml: link 1: from"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn eval_prints_link_precision_and_recall_per_pair() {
    let output = run(&["eval", "--pairs", &own("sources.toml")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let row = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row {name}: {text}"))
            .split_whitespace()
            .skip(1)
            .map(|v| v.parse::<f64>().unwrap())
            .collect::<Vec<f64>>()
    };
    let charge = row("congestion-charge");
    assert_eq!(charge[0], 10.0);
    // Found from the annotated maps: most gold links, few wrong ones.
    assert!(charge[1] >= 0.8 && charge[2] >= 0.8, "{text}");
    // The unrelated pair: nothing found, nothing to find.
    assert_eq!(row("bees-trains"), [0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
}

#[test]
fn two_articles_refuse_single_article_options_and_two_stdins() {
    let output = run(&["outline", "-", "-"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("only one of the two"));
    let output = run(&[
        "outline",
        &own("school-bees-essay.txt"),
        &own("night-train-oped.txt"),
        "--claims",
        "x.claims.toml",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--claims and --map"));
}
