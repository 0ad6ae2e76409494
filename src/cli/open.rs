//! Opening what the command line names: the article (through `source`) and its
//! annotation file.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::argument::import::{self, Imported};
use crate::argument::store::claims_path_for;
use crate::argument::{ArgumentMap, annotations};
use crate::document::Document;
use crate::source::{self, InputSpec, LoadOptions, small_file};

/// A loaded article and its annotations, for `outline` and `eval`.
pub struct Opened {
    pub doc: Document,
    /// The annotation text and the label it is known by, if the article has one.
    pub claims: Option<(String, String)>,
    /// A map made elsewhere to import instead of the annotation file.
    pub map_file: Option<PathBuf>,
}

/// Loads `input`, then its annotation file (see [`claims_for`]), unless a map made
/// elsewhere (`map_file`) is to be used instead: then the annotation file is not read.
pub fn open(
    input: &InputSpec,
    options: &LoadOptions,
    claims_override: Option<&Path>,
    map_file: Option<&Path>,
) -> Result<Opened> {
    let loaded = source::open(input, options)?;
    let claims = match map_file {
        Some(_) => None,
        None => claims_for(input, claims_override)?,
    };
    Ok(Opened {
        claims,
        doc: loaded.document,
        map_file: map_file.map(Path::to_path_buf),
    })
}

/// The annotation text and its label: `claims_override` if given, else `NAME.claims.toml`
/// beside a file, or the embedded article's own.
fn claims_for(
    input: &InputSpec,
    claims_override: Option<&Path>,
) -> Result<Option<(String, String)>> {
    Ok(match (claims_override, input) {
        (Some(path), _) => match read_claims(path)? {
            Some(claims) => Some(claims),
            None => bail!("{}: no such file", path.display()),
        },
        (None, InputSpec::Embedded) => Some((
            crate::EMBEDDED_CLAIMS.to_string(),
            crate::EMBEDDED_CLAIMS_LABEL.to_string(),
        )),
        (None, InputSpec::Path(path)) => read_claims(&claims_path_for(path))?,
        (None, _) => None,
    })
}

/// The annotation file's text and label, `None` if it does not exist.
fn read_claims(path: &Path) -> Result<Option<(String, String)>> {
    match small_file::read_text(path, small_file::SMALL_FILE_LIMIT) {
        Ok(text) => Ok(Some((text, path.display().to_string()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => bail!("{}: {}", path.display(), describe_io(&e)),
    }
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        std::io::ErrorKind::InvalidData => "not UTF-8 text".into(),
        _ => error.to_string(),
    }
}

impl Opened {
    /// The annotated map: imported from `map_file` (its unplaced statements reported on
    /// stderr), else from the annotation file.
    pub fn annotated(&self) -> Result<Option<ArgumentMap>> {
        if let Some(imported) = self.imported()? {
            let path = self.map_file.as_deref().unwrap_or(Path::new("map"));
            for statement in &imported.unplaced {
                super::report::message(format_args!(
                    "{}: not found in the article: \"{statement}\"",
                    path.display()
                ));
            }
            return Ok(Some(imported.map));
        }
        let Some((text, label)) = &self.claims else {
            return Ok(None);
        };
        let set = annotations::parse_file(text, &self.doc, label)?;
        for warning in &set.warnings {
            super::report::message(format_args!("warning: {warning}"));
        }
        Ok(Some(set.map))
    }

    /// The map from `map_file`, anchored in the article, if one was given.
    pub fn imported(&self) -> Result<Option<Imported>> {
        self.map_file
            .as_deref()
            .map(|path| import::from_file(path, &self.doc))
            .transpose()
    }
}
