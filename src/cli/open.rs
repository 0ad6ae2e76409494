//! Opening what the command line names: the article and its annotation file.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::argument::{ArgumentMap, annotations, detect};
use crate::document::Document;
use crate::source::{self, Format};
use crate::ui::Maps;

/// Where the article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Embedded,
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `None` → stdin when it is piped, else the embedded article; `-` → stdin.
    pub fn from_arg(arg: Option<&str>) -> Self {
        match arg {
            Some("-") => Input::Stdin,
            Some(path) => Input::Path(PathBuf::from(path)),
            None if !std::io::stdin().is_terminal() => Input::Stdin,
            None => Input::Embedded,
        }
    }
}

/// A loaded article with what the reader needs around it.
pub struct Opened {
    pub doc: Document,
    pub name: String,
    pub notices: Vec<String>,
    /// The annotation text and the label it is known by, if the article has one.
    pub claims: Option<(String, String)>,
}

pub fn open(input: &Input, claims_override: Option<&Path>) -> Result<Opened> {
    let (text, name, claims_path) = match input {
        Input::Embedded => (
            crate::EMBEDDED_ARTICLE.to_string(),
            crate::EMBEDDED_NAME.to_string(),
            None,
        ),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("stdin: cannot read")?;
            (decode(bytes, "stdin")?, "stdin".to_string(), None)
        }
        Input::Path(path) => {
            let bytes = std::fs::read(path).map_err(|e| read_error(path, &e))?;
            let name = path.display().to_string();
            (decode(bytes, &name)?, name, Some(claims_path_for(path)))
        }
    };
    let doc = source::parse(&text, Format::Text);
    if doc.paragraphs.is_empty() {
        bail!("nothing to read in {name}");
    }
    let claims = match (claims_override, input, claims_path) {
        (Some(path), _, _) => Some(read_claims(path)?.context("annotation file not found")?),
        (None, Input::Embedded, _) => Some((
            crate::EMBEDDED_CLAIMS.to_string(),
            "cybersecurity-dialogue.claims.toml (embedded)".to_string(),
        )),
        (None, _, Some(path)) => read_claims(&path)?,
        (None, _, None) => None,
    };
    Ok(Opened {
        doc,
        name,
        notices: Vec::new(),
        claims,
    })
}

fn decode(bytes: Vec<u8>, name: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name}: not valid UTF-8 text"))
}

fn read_error(path: &Path, error: &std::io::Error) -> anyhow::Error {
    let problem = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => error.to_string(),
    };
    anyhow::anyhow!("{}: {problem}", path.display())
}

/// `dir/NAME.ext` → `dir/NAME.claims.toml`.
pub fn claims_path_for(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    article.with_file_name(format!("{stem}.claims.toml"))
}

/// The annotation file's text and label, `None` if it does not exist.
fn read_claims(path: &Path) -> Result<Option<(String, String)>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some((text, path.display().to_string()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(read_error(path, &e)),
    }
}

impl Opened {
    /// The annotated map (if any) and the detected one.
    pub fn maps(&self) -> Result<Maps> {
        let annotated = self.annotated()?;
        Ok(Maps {
            annotated,
            detected: detect::detect(&self.doc),
        })
    }

    pub fn annotated(&self) -> Result<Option<ArgumentMap>> {
        self.claims
            .as_ref()
            .map(|(text, label)| annotations::parse(text, &self.doc, label))
            .transpose()
    }
}
