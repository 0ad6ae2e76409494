//! Remembered reading positions: where each document was left, so reopening it returns
//! there. Documents are known by a hash of their bytes (a renamed or moved file is the
//! same document; an edited one is a new one). The store is a small JSON file in the state
//! directory (`$XDG_STATE_HOME/counterpoint/positions.json`), most recent first, capped at
//! `CAPACITY` documents. Losing it loses nothing important, so a damaged file is ignored
//! with a notice, never an error.

use std::collections::HashSet;
use std::hash::Hasher;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Documents remembered; the least recently read are forgotten first.
pub const CAPACITY: usize = 500;
pub const FILE_NAME: &str = "positions.json";
/// The file format's version; another version reads as damaged.
const VERSION: u32 = 1;

/// A stable identity for a document's raw bytes: `fnv1a64:` and 16 hex digits. FNV-1a is
/// defined byte by byte, so the value is the same on every run and platform.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("fnv1a64:{:016x}", hasher.finish())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    hash: String,
    paragraph: usize,
    /// Seconds since the Unix epoch.
    updated: u64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreFile {
    version: u32,
    /// Most recently read first.
    documents: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct PositionStore {
    path: PathBuf,
    /// Most recently read first.
    entries: Vec<Entry>,
    /// Documents set in this session: on saving, these win over the file, whose other
    /// entries (perhaps written by another reader meanwhile) are kept.
    touched: HashSet<String>,
}

impl PositionStore {
    /// The store in `dir` (which need not exist yet), and a notice when its file was
    /// unreadable or damaged and has been ignored.
    pub fn open(dir: &Path) -> (PositionStore, Option<String>) {
        let path = dir.join(FILE_NAME);
        let (entries, notice) = match read(&path) {
            Ok(entries) => (entries, None),
            Err(notice) => (Vec::new(), Some(notice)),
        };
        let store = PositionStore {
            path,
            entries,
            touched: HashSet::new(),
        };
        (store, notice)
    }

    /// The store in the default state directory (`config::paths::state_dir`); `None`
    /// when there is no home directory to keep it in.
    pub fn open_default() -> Option<(PositionStore, Option<String>)> {
        crate::config::paths::state_dir().map(|dir| PositionStore::open(&dir))
    }

    /// The file the store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The paragraph the document was left at.
    pub fn get(&self, hash: &str) -> Option<usize> {
        self.entries
            .iter()
            .find(|e| e.hash == hash)
            .map(|e| e.paragraph)
    }

    /// Remembers the paragraph the document is at, as its most recent entry.
    pub fn set(&mut self, hash: &str, paragraph: usize) {
        self.entries.retain(|e| e.hash != hash);
        self.entries.insert(
            0,
            Entry {
                hash: hash.to_string(),
                paragraph,
                updated: now(),
            },
        );
        self.entries.truncate(CAPACITY);
        self.touched.insert(hash.to_string());
    }

    /// Writes the store: the documents set in this session merged into the file as it is
    /// now, capped. Atomic: a temporary file in the same directory, flushed to disk, then
    /// renamed over the old one, so a crash leaves the old file or the new, never half.
    pub fn save(&self) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let on_disk = read(&self.path).unwrap_or_default();
        let mut documents: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| self.touched.contains(&e.hash))
            .chain(on_disk.iter().filter(|e| !self.touched.contains(&e.hash)))
            .cloned()
            .collect();
        // Stable: among equal times, this session's order comes first.
        documents.sort_by_key(|e| std::cmp::Reverse(e.updated));
        documents.truncate(CAPACITY);
        let file = StoreFile {
            version: VERSION,
            documents,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;

        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(&json)?;
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        // The rename itself is durable once the directory is synced; not every platform
        // can open a directory for that, and the data is safe either way.
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// The entries of the file; none if it does not exist; a notice if it cannot be used.
fn read(path: &Path) -> Result<Vec<Entry>, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(format!(
                "ignored an unreadable positions file: {}: {e}",
                path.display()
            ));
        }
    };
    let corrupt = |why: String| {
        format!(
            "ignored a corrupt positions file: {}: {why}",
            path.display()
        )
    };
    let file: StoreFile = serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
    if file.version != VERSION {
        return Err(corrupt(format!("unknown version {}", file.version)));
    }
    let mut seen = HashSet::new();
    let mut entries: Vec<Entry> = file
        .documents
        .into_iter()
        .filter(|e| seen.insert(e.hash.clone()))
        .collect();
    entries.truncate(CAPACITY);
    Ok(entries)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
