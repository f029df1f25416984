//! The `sources` folder inside the data folder: for each synced source its last good copy
//! and its state (`kubernetes.yaml` and `kubernetes.state.json`).
//!
//! A copy is the source's bytes as fetched, so a townhall upgrade reads it with its newer
//! reader; a Cloud Foundry source, which is several pages, is kept as one JSON file of pages
//! so that it is replaced in one step like the others. Every write is a new file in the same
//! folder renamed over the old one, so a reader (or a second townhall syncing the same source
//! at the same moment) sees the old copy or the new one, never part of one; writers of one
//! source also take its lock file in turn, so a copy and its state always belong together.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::state::State;
use super::{Kind, Source};
use crate::formats::Format;
use crate::formats::cloudfoundry::Document;
use crate::registry::load::{Input, Synced};

/// The folder's name inside the data folder.
pub const FOLDER: &str = "sources";

/// No copy is read past this: it was accepted under the sync size limit, which is smaller.
const MAX_COPY: u64 = 64 * 1024 * 1024;

/// A source's content: its own document first, then the pages it links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncedCopy {
    pub documents: Vec<Page>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// `""` for the source's own document, else its link from it (`../TOC.md`).
    pub link: String,
    /// Where it was fetched from, for messages.
    pub url: String,
    pub text: String,
}

impl SyncedCopy {
    pub fn primary(&self) -> Option<&Page> {
        self.documents.first()
    }

    pub fn page(&self, link: &str) -> Option<&Page> {
        self.documents.iter().find(|p| p.link == link)
    }

    /// The copy as the loader reads it, named `name` in messages (linked pages by their URL).
    pub fn input(&self, name: &str, source: &Source) -> Input {
        let primary = self.primary().map_or("", |p| p.text.as_str());
        let mut input = Input::new(name, primary);
        input.format = source.format;
        input.origin = source.origin.clone();
        input.community = source.community.clone();
        input.linked = self.documents[1.min(self.documents.len())..]
            .iter()
            .map(|p| Document {
                link: p.link.clone(),
                name: p.url.clone(),
                text: p.text.clone(),
            })
            .collect();
        input
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store inside `data_dir` (the folder `townhall paths` names).
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join(FOLDER),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where a source's copy is kept: its bytes as `<id>.yaml` (or `.ics`, `.md` as the
    /// format is), or `<id>.json` for a source of several pages.
    pub fn copy_path(&self, source: &Source) -> PathBuf {
        self.dir
            .join(format!("{}.{}", source.id, extension(source)))
    }

    pub fn state_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.state.json"))
    }

    /// The source's state; none (or one townhall can't read, which the next sync rewrites)
    /// is the default.
    pub fn state(&self, id: &str) -> State {
        read_bounded(&self.state_path(id))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The last good copy, if there is one that can be read.
    pub fn copy(&self, source: &Source) -> Option<SyncedCopy> {
        let path = self.copy_path(source);
        let bytes = read_bounded(&path).ok()?;
        if is_bundled(source) {
            return serde_json::from_slice(&bytes).ok();
        }
        let text = String::from_utf8(bytes).ok()?;
        Some(SyncedCopy {
            documents: vec![Page {
                link: String::new(),
                url: source.location.to_string(),
                text,
            }],
        })
    }

    /// Replaces the copy and the state together, under the source's lock.
    pub fn save(
        &self,
        source: &Source,
        copy: Option<&SyncedCopy>,
        state: &State,
    ) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let _lock = self.lock(&source.id)?;
        if let Some(copy) = copy {
            let bytes = if is_bundled(source) {
                serde_json::to_vec(copy).map_err(io::Error::other)?
            } else {
                copy.primary()
                    .map(|p| p.text.clone().into_bytes())
                    .unwrap_or_default()
            };
            write_atomically(&self.copy_path(source), &bytes)?;
        }
        let mut json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
        json.push(b'\n');
        write_atomically(&self.state_path(&source.id), &json)
    }

    /// Removes temporary files of writes that never finished (a townhall killed between
    /// writing and renaming). A write takes milliseconds, so one older than ten minutes is
    /// abandoned; younger ones may belong to a sync running now and are left alone.
    pub fn remove_stale_temporaries(&self) -> usize {
        const ABANDONED_AFTER: Duration = Duration::from_secs(600);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let temporary = name
                .to_str()
                .is_some_and(|n| n.starts_with('.') && n.contains(".tmp-"));
            let abandoned = entry.path().symlink_metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok())
                        .is_some_and(|age| age > ABANDONED_AFTER)
            });
            if temporary && abandoned && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Holds `<id>.lock` exclusively until dropped (the OS releases it if townhall dies).
    fn lock(&self, id: &str) -> io::Result<File> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(format!("{id}.lock")))?;
        file.lock()?;
        Ok(file)
    }

    /// The synced copies of `sources`, for the loader: each replaces the built-in snapshot
    /// of its source (see `registry::load`). Calendars are not registries: see `calendars`.
    pub fn synced(&self, sources: &[Source]) -> Vec<Synced> {
        sources
            .iter()
            .filter(|s| s.kind == Kind::Registry)
            .filter_map(|source| {
                let copy = self.copy(source)?;
                let name = self.copy_path(source).display().to_string();
                Some(Synced {
                    source: source.id.clone(),
                    input: copy.input(&name, source),
                })
            })
            .collect()
    }
}

/// A synced community calendar: its community and the file holding its last good copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedCalendar {
    pub source: String,
    pub community: String,
    pub path: PathBuf,
}

impl Store {
    /// The calendar sources that have a synced copy, for `cli::calendars`.
    pub fn calendars(&self, sources: &[Source]) -> Vec<SyncedCalendar> {
        sources
            .iter()
            .filter(|s| s.kind == Kind::Calendar)
            .filter_map(|s| {
                let path = self.copy_path(s);
                Some(SyncedCalendar {
                    source: s.id.clone(),
                    community: s.community.clone()?,
                    path: path.is_file().then_some(path)?,
                })
            })
            .collect()
    }
}

fn is_bundled(source: &Source) -> bool {
    source.format == Some(Format::CloudFoundry)
}

fn extension(source: &Source) -> &'static str {
    if source.kind == Kind::Calendar {
        return "ics";
    }
    match source.format {
        Some(Format::CloudFoundry) => "json",
        _ => "yaml",
    }
}

fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    if !fs::metadata(path)?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_COPY).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes `bytes` to a new file beside `path` (a name no other writer can pick: process id,
/// a counter and the clock) and renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.tmp-{}-{n}-{nanos}", std::process::id()));
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{Location, resolve};

    fn source(id: &str) -> Source {
        let (sources, _) = resolve(&[], Path::new("/"));
        sources.into_iter().find(|s| s.id == id).unwrap()
    }

    fn copy(texts: &[(&str, &str)]) -> SyncedCopy {
        SyncedCopy {
            documents: texts
                .iter()
                .map(|(link, text)| Page {
                    link: link.to_string(),
                    url: format!("https://h.example/{link}"),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_single_page_is_kept_as_its_bytes_and_several_as_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let k = source("kubernetes");
        store
            .save(&k, Some(&copy(&[("", "sigs: []\n")])), &State::default())
            .unwrap();
        assert_eq!(
            fs::read_to_string(store.copy_path(&k)).unwrap(),
            "sigs: []\n"
        );
        assert!(store.copy_path(&k).ends_with("sources/kubernetes.yaml"));
        let cf = source("cloudfoundry");
        let pages = copy(&[("", "# Working Groups\n"), ("../TOC.md", "toc")]);
        store.save(&cf, Some(&pages), &State::default()).unwrap();
        assert_eq!(store.copy(&cf), Some(pages.clone()));
        let input = pages.input("cf.json", &cf);
        assert_eq!(input.linked[0].name, "https://h.example/../TOC.md");
        assert_eq!(input.format, Some(Format::CloudFoundry));
        let leftovers: Vec<String> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn abandoned_temporary_files_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::create_dir_all(store.dir()).unwrap();
        let old = store.dir().join(".kubernetes.yaml.tmp-1-0-0");
        let fresh = store.dir().join(".kubernetes.yaml.tmp-2-0-0");
        for path in [&old, &fresh] {
            fs::write(path, "partial").unwrap();
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        assert_eq!(store.remove_stale_temporaries(), 1);
        assert!(!old.exists() && fresh.exists());
    }

    #[test]
    fn an_unreadable_state_is_the_default_and_a_missing_copy_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::create_dir_all(store.dir()).unwrap();
        fs::write(store.state_path("kubernetes"), "{not json").unwrap();
        assert_eq!(store.state("kubernetes"), State::default());
        let mut k = source("kubernetes");
        assert_eq!(store.copy(&k), None);
        k.location = Location::File("/nowhere".into());
        assert!(store.synced(&[k]).is_empty());
    }

    #[test]
    fn a_calendar_is_kept_as_ics_and_is_not_a_registry_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let cal = source("kubernetes-calendar");
        assert!(store.calendars(std::slice::from_ref(&cal)).is_empty());
        let text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        store
            .save(&cal, Some(&copy(&[("", text)])), &State::default())
            .unwrap();
        assert!(
            store
                .copy_path(&cal)
                .ends_with("sources/kubernetes-calendar.ics")
        );
        assert_eq!(fs::read_to_string(store.copy_path(&cal)).unwrap(), text);
        assert!(store.synced(std::slice::from_ref(&cal)).is_empty());
        assert_eq!(
            store.calendars(std::slice::from_ref(&cal)),
            vec![SyncedCalendar {
                source: cal.id.clone(),
                community: "kubernetes".into(),
                path: store.copy_path(&cal),
            }]
        );
    }
}
