//! What townhall remembers between runs: favorite groups and the last selected one.
//!
//! The file is small JSON (`state.json` in the data folder) because people rarely edit it by
//! hand and JSON has one obvious spelling. It is the only file townhall writes on its own, so
//! two promises matter more than format: a crash while saving never leaves half a file
//! (write a temporary file, fsync, rename), and a file townhall cannot read is moved aside
//! rather than overwritten by the next save, so favorites are never silently lost.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::untrusted::limits::MAX_STATE_BYTES;
use crate::untrusted::read::{ReadError, read_text};

mod leftovers;

/// The file name inside the data folder.
pub const FILE_NAME: &str = "state.json";

/// Favorites and the last selected group, kept in the data dir.
///
/// Unknown keys are ignored and missing keys take their defaults, so a file written by a
/// newer or older townhall still loads instead of being treated as corrupt.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Group ids. Ids of groups that are no longer in the registry are kept: the group may
    /// come back when a registry file is restored.
    pub favorites: BTreeSet<String>,
    pub last_selected: Option<String>,
}

impl State {
    /// Reads `dir/state.json`. A missing file is an empty state, without a warning.
    ///
    /// A file that can't be read or parsed is moved aside to
    /// `state.json.corrupt-<unix seconds>` and an empty state is returned with a warning for
    /// the status line that names both paths, so the user can recover it by hand.
    ///
    /// The file is read like any outside file (a regular file of at most `MAX_STATE_BYTES`;
    /// a FIFO or a link to `/dev/zero` is moved aside too), and temporary files that
    /// interrupted saves left behind are removed first.
    pub fn load(dir: &Path) -> (State, Option<String>) {
        leftovers::remove_stale(dir);
        let path = dir.join(FILE_NAME);
        let bytes = match read_text(&path, MAX_STATE_BYTES) {
            Ok(text) => text.into_bytes(),
            Err(ReadError::NotFound) => return (State::default(), None),
            Err(e) => {
                return (
                    State::default(),
                    Some(move_aside(&path, None, &e.to_string())),
                );
            }
        };
        match serde_json::from_slice::<State>(&bytes) {
            Ok(state) => (state, None),
            Err(e) => {
                let warning = move_aside(&path, Some(&bytes), &e.to_string());
                (State::default(), Some(warning))
            }
        }
    }

    /// Writes atomically: a temporary file in the same dir, fsync, then a rename over the old
    /// one, so readers see either the old state or the new one. Creates the dir if needed.
    pub fn save(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        let mut text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        text.push('\n');
        let (tmp_path, file) = create_temp(dir)?;
        let written = write_synced(file, text.as_bytes())
            .and_then(|()| fs::rename(&tmp_path, dir.join(FILE_NAME)));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp_path);
            return Err(e);
        }
        sync_dir(dir);
        Ok(())
    }

    /// Adds or removes `id`; returns whether it is now a favorite.
    pub fn toggle_favorite(&mut self, id: &str) -> bool {
        if self.favorites.remove(id) {
            false
        } else {
            self.favorites.insert(id.to_string());
            true
        }
    }

    pub fn is_favorite(&self, id: &str) -> bool {
        self.favorites.contains(id)
    }
}

/// Moves an unreadable state file out of the way of the next save and says where it went.
///
/// When the rename fails (a read-only folder, say) but the bytes were read, a copy is
/// written instead; if neither works the message says the file was left where it is.
fn move_aside(path: &Path, bytes: Option<&[u8]>, reason: &str) -> String {
    let aside = free_corrupt_path(path);
    let moved = fs::rename(path, &aside).or_else(|rename_err| match bytes {
        Some(bytes) => fs::write(&aside, bytes),
        None => Err(rename_err),
    });
    match moved {
        Ok(()) => format!(
            "could not read {} ({reason}); moved it to {} and started with no favorites",
            path.display(),
            aside.display()
        ),
        Err(e) => format!(
            "could not read {} ({reason}) nor move it to {} ({e}); started with no favorites",
            path.display(),
            aside.display()
        ),
    }
}

/// `state.json.corrupt-<unix seconds>`, with a counter when that name is already taken (two
/// bad files in one second must not overwrite each other).
fn free_corrupt_path(path: &Path) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.corrupt-{secs}", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 1;
    while candidate.symlink_metadata().is_ok() {
        candidate = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// A new file beside the real one (same folder, so the rename stays on one file system),
/// named so that it can't collide with another townhall saving at the same moment.
fn create_temp(dir: &Path) -> io::Result<(PathBuf, File)> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut attempt = 0;
    loop {
        let name = format!(".{FILE_NAME}.tmp-{}-{nanos}-{attempt}", std::process::id());
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

fn write_synced(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename itself durable on Unix. Best effort: some file systems refuse to sync a
/// directory, and the new contents are already safely on disk by then.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn sample() -> State {
        let mut state = State::default();
        state.toggle_favorite("cf-app-runtime-interfaces");
        state.toggle_favorite("cncf-wg-serverless");
        state.last_selected = Some("cncf-wg-serverless".to_string());
        state
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let state = sample();
        state.save(dir.path()).unwrap();
        assert_eq!(State::load(dir.path()), (state, None));
    }

    #[test]
    fn save_creates_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a").join("b");
        sample().save(&nested).unwrap();
        assert_eq!(State::load(&nested).0, sample());
    }

    #[test]
    fn missing_file_is_an_empty_state_without_warning() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(State::load(dir.path()), (State::default(), None));
        assert!(entries(dir.path()).is_empty(), "load must not create files");
    }

    #[test]
    fn corrupt_file_is_moved_aside_with_its_bytes_and_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let original = b"{\"favorites\": [\"cf-uaa\", \n\xff garbage";
        fs::write(dir.path().join(FILE_NAME), original).unwrap();

        let (state, warning) = State::load(dir.path());

        assert_eq!(state, State::default());
        let names = entries(dir.path());
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].starts_with("state.json.corrupt-"), "{names:?}");
        let aside = dir.path().join(&names[0]);
        assert_eq!(fs::read(&aside).unwrap(), original);
        let warning = warning.expect("a warning for the status line");
        assert!(warning.contains(&dir.path().join(FILE_NAME).display().to_string()));
        assert!(warning.contains(&aside.display().to_string()), "{warning}");
    }

    #[test]
    fn two_corrupt_files_in_one_second_both_survive() {
        let dir = tempfile::tempdir().unwrap();
        for text in ["first", "second"] {
            fs::write(dir.path().join(FILE_NAME), text).unwrap();
            assert!(State::load(dir.path()).1.is_some());
        }
        let mut kept: Vec<String> = entries(dir.path())
            .iter()
            .map(|name| fs::read_to_string(dir.path().join(name)).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["first", "second"]);
    }

    #[test]
    fn wrong_types_count_as_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), r#"{"favorites": 5}"#).unwrap();
        let (state, warning) = State::load(dir.path());
        assert_eq!(state, State::default());
        assert!(warning.is_some());
    }

    #[test]
    fn unknown_and_missing_fields_are_not_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let text = r#"{"favorites": ["cf-uaa"], "theme": "dark", "window": {"w": 80}}"#;
        fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let (state, warning) = State::load(dir.path());
        assert_eq!(warning, None);
        assert!(state.is_favorite("cf-uaa"));
        assert_eq!(state.last_selected, None);
        assert_eq!(entries(dir.path()), [FILE_NAME]);
    }

    #[test]
    fn save_over_an_existing_file_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        State::default().save(dir.path()).unwrap();
        let state = sample();
        state.save(dir.path()).unwrap();
        assert_eq!(entries(dir.path()), [FILE_NAME]);
        assert_eq!(State::load(dir.path()).0, state);
    }

    #[test]
    fn toggling_adds_then_removes_a_favorite() {
        let mut state = State::default();
        assert!(!state.is_favorite("cf-uaa"));
        assert!(state.toggle_favorite("cf-uaa"));
        assert!(state.is_favorite("cf-uaa"));
        assert!(!state.toggle_favorite("cf-uaa"));
        assert!(!state.is_favorite("cf-uaa"));
        assert!(state.favorites.is_empty());
    }
}
