//! Parse once: the loaded, checked registry (with every problem loading found) kept in the
//! cache folder, so a start whose inputs are unchanged reads one compact file instead of
//! parsing and checking every YAML file again.
//!
//! A snapshot is keyed by a hash of every input (name, text, format, origin, role, linked
//! pages), townhall's version and the running executable's size and time (a rebuilt binary
//! may lay the model out differently), and carries a checksum of its body. A snapshot that
//! is missing, stale, truncated, corrupt or too large is rebuilt from the files, never used;
//! a cache folder that can't be written only costs the next start its speed.
//!
//! The body is MessagePack with named fields (`rmp-serde`): the model's serde derives are the
//! registry format's, which leave empty fields out, so only a self-describing encoding reads
//! them back. What those derives skip (a group's community, a meeting's checked schedule) is
//! stored beside the groups.

use std::fs;
use std::hash::Hasher as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::load::{self, Input, Loaded, Role, Sources};
use std::collections::HashMap;

use crate::model::{Community, Group, Origins, Problem, Registry, When};
use crate::untrusted::limits::MAX_SNAPSHOT_BYTES;
use crate::untrusted::read::read_bytes;

/// The first bytes of every snapshot; the number changes when the layout below does.
const MAGIC: &[u8; 16] = b"townhall-snap-1\n";
const HEADER: usize = MAGIC.len() + 16 + 8;

/// Where the registry came from this time, for tests and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Snapshot,
    Files,
}

/// [`load::load`], through the snapshot in `cache` when there is one for these inputs.
pub fn load(sources: &Sources, cache: Option<&Path>) -> Loaded {
    load_from(sources, cache).0
}

/// [`load`], saying whether the snapshot was used.
pub fn load_from(sources: &Sources, cache: Option<&Path>) -> (Loaded, From) {
    let (inputs, problems) = load::inputs(sources);
    let mut key = key(&inputs);
    let path = cache.map(|dir| dir.join(file_name(&inputs)));
    // The inputs' texts are as large as the snapshot; holding both while it decodes would
    // double a start's peak memory, so they go first and a miss reads them again.
    let mut inputs = Some(inputs).filter(|_| path.is_none());
    let from_snapshot = path.as_deref().and_then(|p| read(p, key));
    let (mut loaded, from) = match from_snapshot {
        Some(loaded) => (loaded, From::Snapshot),
        None => {
            let inputs = inputs.take().unwrap_or_else(|| {
                // Keyed by what is parsed, should a file change between the two reads.
                let (again, _) = load::inputs(sources);
                key = self::key(&again);
                again
            });
            let loaded = load::load_inputs(&inputs);
            drop(inputs);
            // A registry with errors stops every command, so its snapshot would never be read.
            if let Some(path) = &path
                && !loaded.has_errors()
            {
                // Unwritable cache: the next start reads the files again, and that is all.
                let _ = write(path, key, &loaded);
            }
            (loaded, From::Files)
        }
    };
    loaded.problems.splice(0..0, problems);
    (loaded, from)
}

/// One snapshot per set of input names, so editing a file replaces its snapshot rather than
/// adding one.
fn file_name(inputs: &[Input]) -> String {
    let mut h = Xxh3::new();
    for input in inputs {
        field(&mut h, input.name.as_bytes());
        field(&mut h, format!("{:?}", input.format).as_bytes());
    }
    format!("registry-{:016x}.snapshot", h.finish())
}

/// Everything loading depends on.
fn key(inputs: &[Input]) -> u128 {
    let mut h = Xxh3::new();
    field(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    field(&mut h, build().as_bytes());
    for input in inputs {
        hash_input(&mut h, input);
    }
    h.digest128()
}

fn hash_input(h: &mut Xxh3, input: &Input) {
    field(h, input.name.as_bytes());
    field(h, input.text.as_bytes());
    let described = format!(
        "{:?} {:?} {:?}",
        input.format, input.origin, input.community
    );
    field(h, described.as_bytes());
    for page in &input.linked {
        field(h, page.link.as_bytes());
        field(h, page.name.as_bytes());
        field(h, page.text.as_bytes());
    }
    match &input.role {
        Role::Registry => field(h, b"registry"),
        Role::Supplement => field(h, b"supplement"),
        Role::Synced(None) => field(h, b"synced"),
        Role::Synced(Some(builtin)) => {
            field(h, b"synced, replacing");
            hash_input(h, builtin);
        }
    }
}

/// A length before each field, so no two inputs hash as one.
fn field(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The running executable's size and modification time: a snapshot written by another build
/// of the same version is not read.
fn build() -> String {
    std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            format!("{} {}", m.len(), time.as_nanos())
        })
        .unwrap_or_default()
}

#[derive(Serialize)]
struct Stored<'a> {
    communities: &'a [Community],
    groups: &'a [Group],
    skipped: Vec<Skipped<'a>>,
    origins: &'a HashMap<String, Origins>,
    community_origins: &'a HashMap<String, Origins>,
    problems: &'a [Problem],
    files: &'a [String],
}

#[derive(Serialize)]
struct Skipped<'a> {
    community: &'a str,
    whens: Vec<&'a When>,
}

#[derive(Deserialize)]
struct Restored {
    communities: Vec<Community>,
    groups: Vec<Group>,
    skipped: Vec<RestoredSkipped>,
    origins: HashMap<String, Origins>,
    community_origins: HashMap<String, Origins>,
    problems: Vec<Problem>,
    files: Vec<String>,
}

#[derive(Deserialize)]
struct RestoredSkipped {
    community: String,
    whens: Vec<When>,
}

fn encode(loaded: &Loaded) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    let registry = &loaded.registry;
    let stored = Stored {
        communities: &registry.communities,
        groups: &registry.groups,
        skipped: registry
            .groups
            .iter()
            .map(|g| Skipped {
                community: &g.community,
                whens: g.meetings.iter().map(|m| &m.when).collect(),
            })
            .collect(),
        origins: &registry.origins,
        community_origins: &registry.community_origins,
        problems: &loaded.problems,
        files: &loaded.files,
    };
    rmp_serde::to_vec_named(&stored)
}

/// The body read back, or None if anything doesn't add up.
fn decode(body: &[u8]) -> Option<Loaded> {
    let restored: Restored = rmp_serde::from_slice(body).ok()?;
    let Restored {
        communities,
        mut groups,
        skipped,
        origins,
        community_origins,
        problems,
        files,
    } = restored;
    if skipped.len() != groups.len() {
        return None;
    }
    for (group, skipped) in groups.iter_mut().zip(skipped) {
        if skipped.whens.len() != group.meetings.len() {
            return None;
        }
        group.community = skipped.community;
        for (meeting, when) in group.meetings.iter_mut().zip(skipped.whens) {
            meeting.when = when;
        }
    }
    Some(Loaded {
        registry: Registry {
            communities,
            groups,
            origins,
            community_origins,
        },
        problems,
        files,
    })
}

fn read(path: &Path, key: u128) -> Option<Loaded> {
    let bytes = read_bytes(path, MAX_SNAPSHOT_BYTES).ok()?;
    let (header, body) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(MAGIC.len());
    let (stored_key, checksum) = rest.split_at(16);
    if magic != MAGIC || stored_key != key.to_le_bytes() || checksum != xxh3_64(body).to_le_bytes()
    {
        return None;
    }
    decode(body)
}

/// Written to a temporary file beside it and renamed into place, so a reader never sees
/// half a snapshot and two townhalls writing at once leave one whole. It is not synced to
/// disk: a crash may leave it cut short, which its checksum tells.
fn write(path: &Path, key: u128, loaded: &Loaded) -> std::io::Result<()> {
    let body = encode(loaded).map_err(std::io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temporary(path);
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(MAGIC)?;
        file.write_all(&key.to_le_bytes())?;
        file.write_all(&xxh3_64(&body).to_le_bytes())?;
        file.write_all(&body)?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn temporary(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests;
