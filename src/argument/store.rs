//! Where an article's annotation file lives, and saving it without ever losing data.
//!
//! A save refuses to overwrite a file that changed on disk since it was loaded (another
//! editor, another counterpoint) or that did not parse when loaded (the reader's work would
//! be replaced by ours). Otherwise it writes a temporary file in the same directory, syncs
//! it, keeps the previous version as `NAME.claims.toml~` and renames the new file over the
//! old one, so a crash at any moment leaves either the old or the new file, never a torn one.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::source::small_file;

/// What the claims file held when it was last loaded or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OnDisk {
    Absent,
    Present {
        /// SHA-256 of the bytes; decides whether the file changed (an mtime can move without
        /// a change, or stay put across one within its resolution).
        hash: [u8; 32],
        mtime: Option<SystemTime>,
    },
}

impl OnDisk {
    fn read(path: &Path) -> io::Result<(OnDisk, Option<String>)> {
        match small_file::read(path, small_file::SMALL_FILE_LIMIT) {
            Ok(bytes) => {
                let mtime = fs::metadata(path).and_then(|m| m.modified()).ok();
                let state = OnDisk::Present {
                    hash: Sha256::digest(&bytes).into(),
                    mtime,
                };
                let text = String::from_utf8(bytes)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))?;
                Ok((state, Some(text)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok((OnDisk::Absent, None)),
            Err(e) => Err(e),
        }
    }

    fn same_content(&self, other: &OnDisk) -> bool {
        match (self, other) {
            (OnDisk::Absent, OnDisk::Absent) => true,
            (OnDisk::Present { hash: a, .. }, OnDisk::Present { hash: b, .. }) => a == b,
            _ => false,
        }
    }
}

/// Why a save did not happen. The file on disk is untouched in every case.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed since it was loaded: reload it, or save as another file.
    ChangedOnDisk {
        path: PathBuf,
    },
    /// The file did not parse when it was loaded; overwriting it would lose what it holds.
    Unparsable {
        path: PathBuf,
    },
    /// `save_as` does not overwrite an existing file.
    AlreadyExists {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ChangedOnDisk { path } => write!(
                f,
                "{} changed on disk since it was loaded: reload it or save as another file",
                path.display()
            ),
            SaveError::Unparsable { path } => write!(
                f,
                "{} did not parse when loaded; not overwriting it (fix it, or save as another file)",
                path.display()
            ),
            SaveError::AlreadyExists { path } => write!(f, "{} already exists", path.display()),
            SaveError::Io { path, error } => {
                write!(f, "{}: cannot save: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// The annotation file of one article: where it is, what was loaded from it, and saving.
#[derive(Debug, Clone)]
pub struct ClaimsStore {
    path: PathBuf,
    /// A file read when `path` does not exist yet: the annotation next to an article in a
    /// read-only directory, whose edits go to the data directory instead.
    seed: Option<PathBuf>,
    /// What `path` held at the last load or save; `None` before the first load, when a save
    /// expects no file (so it never overwrites a file it has not seen).
    loaded: Option<OnDisk>,
    /// The text last loaded or saved (from `seed` while `path` has none), which a save
    /// edits in place and which a save of the same text leaves alone.
    text: Option<String>,
    unparsable: bool,
}

impl ClaimsStore {
    /// The store for an article: `NAME.claims.toml` next to it when that can be written;
    /// for stdin or the embedded article (`article` is `None`) or a read-only directory,
    /// `<data dir>/counterpoint/claims/<content hash>.claims.toml`.
    pub fn for_article(article: Option<&Path>, article_text: &str) -> Self {
        // Hashing the text only when the data directory is needed: a start should not
        // pay for reading all of a large file once more.
        let in_data_dir = || data_dir().map(|dir| dir.join(data_file_name(article_text)));
        match article {
            Some(article) => {
                let beside = claims_path_for(article);
                if can_write(&beside) {
                    return ClaimsStore::at(beside);
                }
                match in_data_dir() {
                    Some(fallback) => ClaimsStore {
                        path: fallback,
                        seed: Some(beside),
                        ..ClaimsStore::at(PathBuf::new())
                    },
                    None => ClaimsStore::at(beside),
                }
            }
            None => ClaimsStore::at(
                in_data_dir().unwrap_or_else(|| PathBuf::from(data_file_name(article_text))),
            ),
        }
    }

    /// The store for a given annotation file (e.g. one named on the command line).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        ClaimsStore {
            path: path.into(),
            seed: None,
            loaded: None,
            text: None,
            unparsable: false,
        }
    }

    /// Where saves go.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file the loaded text came from: `path()`, or the read-only file next to the
    /// article while nothing has been saved to `path()` yet.
    pub fn source(&self) -> &Path {
        match (&self.loaded, &self.seed) {
            (Some(OnDisk::Absent), Some(seed)) if seed.exists() => seed,
            _ => &self.path,
        }
    }

    /// `NAME.claims.toml~`: the version before the last save.
    pub fn backup_path(&self) -> PathBuf {
        backup_path(&self.path)
    }

    /// Reads the annotation text (`None` if there is none yet) and remembers what was on
    /// disk, for the check in [`ClaimsStore::save`].
    pub fn load(&mut self) -> io::Result<Option<String>> {
        let (state, text) = OnDisk::read(&self.path)?;
        self.loaded = Some(state);
        self.unparsable = false;
        let text = match (text, &self.seed) {
            (Some(text), _) => Some(text),
            (None, Some(seed)) => OnDisk::read(seed)?.1,
            (None, None) => None,
        };
        self.text.clone_from(&text);
        Ok(text)
    }

    /// The text last loaded or saved, to edit in place for the next save.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Loads again, forgetting the earlier load (after [`SaveError::ChangedOnDisk`]).
    pub fn reload(&mut self) -> io::Result<Option<String>> {
        self.load()
    }

    /// Records that the loaded text did not parse, so saves refuse to overwrite it.
    pub fn mark_unparsable(&mut self) {
        self.unparsable = true;
    }

    /// Whether the file differs from what was loaded or saved last.
    pub fn changed_on_disk(&self) -> io::Result<bool> {
        let (now, _) = OnDisk::read(&self.path)?;
        Ok(!now.same_content(self.loaded.as_ref().unwrap_or(&OnDisk::Absent)))
    }

    /// Saves `text` over the file, unless it changed on disk or did not parse when loaded.
    pub fn save(&mut self, text: &str) -> Result<(), SaveError> {
        let io_error = |error| SaveError::Io {
            path: self.path.clone(),
            error,
        };
        if self.unparsable {
            return Err(SaveError::Unparsable {
                path: self.source().to_path_buf(),
            });
        }
        if self.changed_on_disk().map_err(io_error)? {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        if self.text.as_deref() == Some(text) {
            // Nothing changed: writing would only turn the backup into a second copy.
            return Ok(());
        }
        // Through a symbolic link to the file it names (the backup beside that file), so
        // the link stays a link and its target gets the change.
        write_replacing(&through_links(&self.path), text).map_err(io_error)?;
        self.loaded = Some(OnDisk::read(&self.path).map_err(io_error)?.0);
        self.text = Some(text.to_string());
        Ok(())
    }

    /// Saves `text` to a new file, which becomes the store's file. Refuses to overwrite an
    /// existing one.
    pub fn save_as(&mut self, path: impl Into<PathBuf>, text: &str) -> Result<(), SaveError> {
        let path = path.into();
        if path.exists() {
            return Err(SaveError::AlreadyExists { path });
        }
        let io_error = |error| SaveError::Io {
            path: path.clone(),
            error,
        };
        write_replacing(&path, text).map_err(io_error)?;
        let (state, _) = OnDisk::read(&path).map_err(io_error)?;
        *self = ClaimsStore {
            loaded: Some(state),
            text: Some(text.to_string()),
            ..ClaimsStore::at(path)
        };
        Ok(())
    }
}

/// `dir/NAME.ext` → `dir/NAME.claims.toml`.
pub fn claims_path_for(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    article.with_file_name(format!("{stem}.claims.toml"))
}

/// `$XDG_DATA_HOME/counterpoint/claims`, or `~/.local/share/counterpoint/claims`.
pub fn data_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let home = || {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|home| home.join(".local/share"))
    };
    Some(xdg.or_else(home)?.join("counterpoint").join("claims"))
}

/// A short hex digest of the article text, naming its annotation file in the data directory.
pub fn content_hash(article_text: &str) -> String {
    let digest = Sha256::digest(article_text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn data_file_name(article_text: &str) -> String {
    format!("{}.claims.toml", content_hash(article_text))
}

fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push("~");
    path.with_file_name(name)
}

/// The file `path` names once symbolic links are followed (at most 40, as the kernel
/// does); `path` itself when it is no link. A dangling link gives the path it points to,
/// so the save creates that file.
fn through_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| fs::read_link(&path).ok()).flatten() else {
            break;
        };
        path = if target.is_absolute() {
            target
        } else {
            parent_dir(&path).join(target)
        };
    }
    path
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Whether a claims file could be written at `path`: the directory accepts new files and an
/// existing file is writable.
fn can_write(path: &Path) -> bool {
    writable(parent_dir(path)) && (!path.exists() || writable(path))
}

#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// Replaces `path` with `text` atomically, keeping the old file as `path~`.
/// Writes a new file atomically (temporary file, fsync, rename); refuses an existing one.
pub fn write_new(path: &Path, text: &str) -> io::Result<()> {
    if path.exists() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "file exists"));
    }
    write_replacing(path, text)
}

fn write_replacing(path: &Path, text: &str) -> io::Result<()> {
    let dir = parent_dir(path);
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    match fs::metadata(path) {
        Ok(old) => {
            temp.as_file().set_permissions(old.permissions())?;
            keep_backup(path, dir)?;
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => set_default_permissions(temp.as_file())?,
        Err(e) => return Err(e),
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Makes `path~` a copy of `path` (a hard link where the file system allows it). The copy
/// is made under a temporary name and renamed over the old backup, so a crash at any
/// moment leaves one whole backup, never none.
fn keep_backup(path: &Path, dir: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    if same_file(path, &backup) {
        // A save cut off after its backup: the backup already is this version, and a
        // rename between two links to one file would do nothing and leave the link behind.
        return Ok(());
    }
    let temp = tempfile::Builder::new()
        .prefix(".backup.")
        .suffix(".tmp")
        .make_in(dir, |temp| fs::hard_link(path, temp));
    let temp = match temp {
        Ok(link) => link.into_temp_path(),
        Err(_) => {
            let copy = tempfile::Builder::new()
                .prefix(".backup.")
                .suffix(".tmp")
                .tempfile_in(dir)?;
            fs::copy(path, copy.path())?;
            copy.as_file().sync_all()?;
            copy.into_temp_path()
        }
    };
    temp.persist(&backup).map_err(|e| e.error)
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(unix)]
fn set_default_permissions(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // Temporary files are private (0600); an annotation file is an ordinary document.
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    // The rename is durable only once the directory entry is on disk.
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
