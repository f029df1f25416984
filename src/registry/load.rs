//! Where registry files come from and how they combine.
//!
//! Order: built in, then `*.yaml` in the user's registry folder, then every `--registry` path
//! in the order given. A later group with the same id replaces the earlier one in place, so a
//! user can fix a stale link locally without copying the whole community.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::builtin;
use super::health::{self, Spot};
use super::references::{self, Place};
use super::validate::{self, Checked};
use crate::formats::{self, Format, Origin};
use crate::model::{Community, CommunityFile, Pos, Problem, Registry};
use crate::untrusted::limits::{MAX_FILE_BYTES, MAX_FOLDER_FILES, MAX_GROUPS};
use crate::untrusted::read::{ReadError, read_text};
use crate::untrusted::{clean_community, clean_group};
use crate::yaml::node::{Node, parse};

/// Where to look; the CLI fills this from its flags.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub builtin: bool,
    /// The user's registry folder; it is fine for it not to exist.
    pub user_dir: Option<PathBuf>,
    /// `--registry` paths: files or folders, which must exist.
    pub paths: Vec<PathBuf>,
    /// `--format`: how to read the `paths`, instead of telling each file's format from its
    /// content.
    pub format: Option<Format>,
}

impl Sources {
    /// Only the registry compiled into townhall.
    pub fn builtin_only() -> Sources {
        Sources {
            builtin: true,
            ..Sources::default()
        }
    }
}

/// The registry and everything worth telling the user about how it was read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub registry: Registry,
    pub problems: Vec<Problem>,
    /// Every file read, as named in messages, in load order.
    pub files: Vec<String>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// One file to read: its name for messages, its text, and its format if the user named it.
pub struct Input {
    pub name: String,
    pub text: String,
    pub format: Option<Format>,
}

impl Input {
    /// A file whose format is told from its content.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            name: name.into(),
            text: text.into(),
            format: None,
        }
    }
}

/// Lists the files `sources` names, reporting paths that can't be read.
pub fn inputs(sources: &Sources) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    if sources.builtin {
        inputs.extend(
            builtin::FILES
                .iter()
                .map(|(name, text)| Input::new(*name, *text)),
        );
    }
    if let Some(dir) = sources.user_dir.as_deref().filter(|d| d.is_dir()) {
        read_path(dir, &mut inputs, &mut problems);
    }
    for path in &sources.paths {
        let first = inputs.len();
        read_path(path, &mut inputs, &mut problems);
        for input in &mut inputs[first..] {
            input.format = sources.format;
        }
    }
    (inputs, problems)
}

fn read_path(path: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let name = path.display().to_string();
    if path.is_dir() {
        match registry_files(path) {
            Ok(mut files) => {
                if files.len() > MAX_FOLDER_FILES {
                    let message = format!(
                        "the folder holds {} registry files; townhall reads at most {MAX_FOLDER_FILES} (the first by name)",
                        files.len()
                    );
                    problems.push(Problem::error(&name, None, message));
                    files.truncate(MAX_FOLDER_FILES);
                }
                files.iter().for_each(|f| read_path(f, inputs, problems));
            }
            Err(e) => problems.push(Problem::error(
                &name,
                None,
                format!("cannot list folder: {e}"),
            )),
        }
        return;
    }
    match read_text(path, MAX_FILE_BYTES) {
        Ok(text) => inputs.push(Input::new(name, text)),
        Err(ReadError::Encoding {
            at: Some((line, column)),
            message,
        }) => problems.push(Problem::error(&name, Some(Pos { line, column }), message)),
        Err(e) => problems.push(Problem::error(&name, None, e.to_string())),
    }
}

/// `*.yaml` and `*.yml` in a folder, sorted so the load order is predictable. Anything but a
/// folder is listed, so a FIFO or a device so named is refused with a message, not skipped.
fn registry_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads, checks and merges every source. Problems never stop the other files from loading.
pub fn load(sources: &Sources) -> Loaded {
    let (inputs, problems) = inputs(sources);
    let mut loaded = load_inputs(&inputs);
    loaded.problems.splice(0..0, problems);
    loaded
}

/// Reads, checks and merges texts already in memory (benchmarks and tests build registries
/// this way without writing files).
pub fn load_inputs(inputs: &[Input]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut references = Vec::new();
    let mut places = HashMap::new();
    for input in inputs {
        let checked = read(input);
        loaded.problems.extend(checked.problems);
        loaded.files.push(input.name.clone());
        references.extend(
            checked
                .references
                .into_iter()
                .map(|(key, from, id, pos)| (input.name.clone(), key, from, id, pos)),
        );
        if let Some(file) = checked.file {
            let problems = merge(
                &mut loaded.registry,
                file,
                &input.name,
                &checked.groups,
                &mut places,
            );
            loaded.problems.extend(problems);
        }
    }
    let mut written = HashMap::new();
    for (file, key, from, id, pos) in references {
        if loaded.registry.group(&id).is_none() {
            loaded.problems.push(Problem::error(
                &file,
                Some(pos),
                format!("{key} `{id}` is not a known group id"),
            ));
        }
        written.insert((from, key), Place { file, pos });
    }
    let cycles = references::cycles(&loaded.registry.groups, &written, &places);
    loaded.problems.extend(cycles);
    loaded
}

/// Parses a file once, tells its format and reads it: our own format strictly, foreign ones
/// through `formats` and the same link-health checks our own files get in `validate`.
fn read(input: &Input) -> Checked {
    let root = match parse(&input.text) {
        Ok(root) => root,
        Err(e) => {
            return Checked {
                problems: vec![validate::syntax_error(&input.name, &e)],
                ..Checked::default()
            };
        }
    };
    match input.format.unwrap_or_else(|| formats::detect(&root)) {
        Format::Townhall => validate::check_root(&input.name, &root),
        format => convert_root(&input.name, &root, format, &Origin::default()),
    }
}

/// Reads a foreign file into townhall's model with its warnings, link health included, and
/// its text cleaned as loading would clean it (`townhall import` prints the result).
pub fn convert_file(name: &str, text: &str, format: Format, origin: &Origin) -> Checked {
    match parse(text) {
        Ok(root) => convert_root(name, &root, format, origin),
        Err(e) => Checked {
            problems: vec![validate::syntax_error(name, &e)],
            ..Checked::default()
        },
    }
}

fn convert_root(name: &str, root: &Node, format: Format, origin: &Origin) -> Checked {
    let mut converted = formats::convert(format, name, root, origin);
    let mut problems = converted.problems;
    if let Some(file) = &mut converted.file {
        clean_community(&mut file.community);
        for (g, written) in file.groups.iter_mut().zip(&converted.written) {
            // Checked before cleaning, as our own files are, so what cleaning changes is told.
            let findings = health::check(g);
            clean_group(g);
            for finding in findings {
                let pos = match finding.spot {
                    Spot::Group => written.group,
                    Spot::Meeting(i) => written.meetings.get(i).copied().unwrap_or(written.group),
                };
                problems.push(Problem::warning(name, Some(pos), finding.message));
            }
        }
    }
    problems.sort_by_key(|p| p.pos);
    Checked {
        groups: converted.written.iter().map(|w| w.group).collect(),
        file: converted.file,
        problems,
        references: Vec::new(),
    }
}

/// Adds a file's community and groups. A group whose id is already loaded replaces it when
/// both belong to the same community (a fix file); a group of another community may not take
/// the id over (a foreign file could otherwise replace a built-in group such as `cf-toc`), so
/// it is an error naming both places and the first group stays.
fn merge(
    registry: &mut Registry,
    file: CommunityFile,
    name: &str,
    positions: &[Pos],
    places: &mut HashMap<String, Place>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let CommunityFile {
        mut community,
        groups,
    } = file;
    clean_community(&mut community);
    let community_id = community.id.clone();
    match registry
        .communities
        .iter_mut()
        .find(|c| c.id == community.id)
    {
        Some(existing) => refine(existing, community),
        None => registry.communities.push(community),
    }
    let index: HashMap<String, usize> = registry
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    for (n, mut group) in groups.into_iter().enumerate() {
        group.community = community_id.clone();
        clean_group(&mut group);
        let pos = positions.get(n).copied();
        let here = Place {
            file: name.to_string(),
            pos: pos.unwrap_or_default(),
        };
        match index.get(&group.id) {
            Some(&i) if registry.groups[i].community != group.community => {
                let first = places
                    .get(&group.id)
                    .map_or_else(String::new, |p| format!(" at {p}"));
                let message = format!(
                    "group id `{}` is already used by community `{}`{first}; ids are unique across communities, so this group is not loaded",
                    group.id, registry.groups[i].community
                );
                problems.push(Problem::error(name, pos, message));
            }
            Some(&i) => {
                places.insert(group.id.clone(), here);
                registry.groups[i] = group;
            }
            None if registry.groups.len() >= MAX_GROUPS => {
                let message = format!(
                    "more than {MAX_GROUPS} groups loaded in all (townhall's limit); this one and the rest of the file are left out"
                );
                problems.push(Problem::error(name, pos, message));
                break;
            }
            None => {
                places.insert(group.id.clone(), here);
                registry.groups.push(group);
            }
        }
    }
    problems
}

/// A later file naming a known community may rename it or replace its links, and adds its
/// sources; what it leaves out is kept, so a one-group fix file need not repeat the
/// community's details.
fn refine(existing: &mut Community, later: Community) {
    existing.name = later.name;
    if later.short.is_some() {
        existing.short = later.short;
    }
    if later.homepage.is_some() {
        existing.homepage = later.homepage;
    }
    if !later.links.is_empty() {
        existing.links = later.links;
    }
    // Sources add up: a community assembled from several files keeps where each came from.
    for source in later.sources {
        if !existing.sources.contains(&source) {
            existing.sources.push(source);
        }
    }
}
