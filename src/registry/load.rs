//! Where registry files come from and how they combine.
//!
//! Order: built in (each built-in snapshot replaced by the synced copy of its source, when
//! there is one that reads), the synced copies of sources with no built-in snapshot, then
//! `*.yaml` in the user's registry folder, then every `--registry` path in the order given. A
//! later file naming a loaded group patches it in place (`registry::patch`), so a user can fix
//! a stale link locally without copying the group, and the fix outlives a sync.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::builtin;
use super::health::{self, Spot};
use super::patch;
use super::references::{self, Place};
use super::supplement::{self, Written};
use super::validate::{self, About, Checked, IfNew};
use crate::formats::cloudfoundry::{self, Document};
use crate::formats::{self, Format, Origin, same_call};
use crate::model::{CommunityFile, Origins, Pos, Problem, Registry};
use crate::untrusted::limits::{MAX_FILE_BYTES, MAX_FOLDER_FILES, MAX_GROUPS};
use crate::untrusted::read::{ReadError, read_text};
use crate::untrusted::{clean_community, clean_group};
use crate::yaml::node::{Node, parse};

/// Where to look; the CLI fills this from its flags.
#[derive(Debug, Default)]
pub struct Sources {
    pub builtin: bool,
    /// The user's registry folder; it is fine for it not to exist.
    pub user_dir: Option<PathBuf>,
    /// `--registry` paths: files or folders, which must exist.
    pub paths: Vec<PathBuf>,
    /// `--format`: how to read the `paths`, instead of telling each file's format from its
    /// content.
    pub format: Option<Format>,
    /// Synced copies of sources (see `sources::store`), by source id.
    pub synced: Vec<Synced>,
}

/// A source's synced copy, ready to read.
#[derive(Debug)]
pub struct Synced {
    /// The catalog id (`kubernetes`): a built-in file of the same source gives way to it.
    pub source: String,
    pub input: Input,
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
#[derive(Debug)]
pub struct Input {
    pub name: String,
    pub text: String,
    pub format: Option<Format>,
    /// The pages a Cloud Foundry directory links, read with it (empty for YAML registries).
    pub linked: Vec<Document>,
    /// Where a foreign file came from, for the links and sources its reader writes.
    pub origin: Origin,
    /// The community its groups belong to, when the source names one.
    pub community: Option<String>,
    pub role: Role,
}

/// How an input combines with what loaded before it.
#[derive(Debug, Default)]
pub enum Role {
    /// Its groups replace loaded groups of the same id.
    #[default]
    Registry,
    /// It adds to loaded groups (see `registry::supplement`).
    Supplement,
    /// A synced copy: when it no longer reads (errors, or no groups), it is left out with a
    /// warning, and the built-in snapshot it replaced (if any) loads instead.
    Synced(Option<Box<Input>>),
}

impl Input {
    /// A file whose format is told from its content.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            name: name.into(),
            text: text.into(),
            format: None,
            linked: Vec::new(),
            origin: Origin::default(),
            community: None,
            role: Role::Registry,
        }
    }

    /// A copy of this synced input that falls back to `builtin` when it doesn't read.
    fn replacing(&self, builtin: Option<Input>) -> Input {
        Input {
            name: self.name.clone(),
            text: self.text.clone(),
            format: self.format,
            linked: self.linked.clone(),
            origin: self.origin.clone(),
            community: self.community.clone(),
            role: Role::Synced(builtin.map(Box::new)),
        }
    }

    /// The format given, or else the one its content shows: Cloud Foundry's Markdown
    /// directory, or (`None`) a YAML file whose shape tells the rest.
    fn markdown_format(&self) -> Option<Format> {
        match self.format {
            Some(Format::CloudFoundry) => Some(Format::CloudFoundry),
            None if cloudfoundry::looks_like(&self.text) => Some(Format::CloudFoundry),
            _ => None,
        }
    }
}

/// Lists the files `sources` names, reporting paths that can't be read.
pub fn inputs(sources: &Sources) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut synced: Vec<Option<&Synced>> = sources.synced.iter().map(Some).collect();
    let mut take = |id: &str| {
        synced
            .iter_mut()
            .find(|s| s.is_some_and(|s| s.source == id))
            .and_then(Option::take)
    };
    if sources.builtin {
        for file in builtin::FILES {
            let mut input = Input::new(file.name, file.text);
            if file.supplement {
                input.role = Role::Supplement;
            }
            match file.source.and_then(&mut take) {
                Some(copy) => inputs.push(copy.input.replacing(Some(input))),
                None => inputs.push(input),
            }
        }
    }
    for copy in synced.into_iter().flatten() {
        inputs.push(copy.input.replacing(None));
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
    match file_input(path) {
        Ok(input) => inputs.push(input),
        Err(problem) => problems.push(problem),
    }
}

/// A file on disk as an input, read within townhall's limits; a Cloud Foundry directory page
/// comes with the pages it links, read from beside it the same way (a page that is missing or
/// can't be read is left to the reader to report).
pub fn file_input(path: &Path) -> Result<Input, Problem> {
    let name = path.display().to_string();
    let text = match read_text(path, MAX_FILE_BYTES) {
        Ok(text) => text,
        Err(ReadError::Encoding {
            at: Some((line, column)),
            message,
        }) => return Err(Problem::error(&name, Some(Pos { line, column }), message)),
        Err(e) => return Err(Problem::error(&name, None, e.to_string())),
    };
    let mut input = Input::new(name, text);
    if cloudfoundry::looks_like(&input.text) {
        let folder = path.parent().unwrap_or(Path::new("."));
        for link in cloudfoundry::linked(&input.text) {
            let page = beside(folder, &link);
            if let Ok(text) = read_text(&page, MAX_FILE_BYTES) {
                input.linked.push(Document {
                    link,
                    name: page.display().to_string(),
                    text,
                });
            }
        }
    }
    Ok(input)
}

/// `folder` + a relative link, with `..` taken back lexically so messages name `toc/TOC.md`
/// rather than `toc/working-groups/../TOC.md`.
fn beside(folder: &Path, link: &str) -> PathBuf {
    let mut path = folder.to_path_buf();
    for segment in link.split('/') {
        match segment {
            "" | "." => {}
            ".." if path.file_name().is_some() => {
                path.pop();
            }
            s => path.push(s),
        }
    }
    path
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
        let (input, checked) = match read_synced(input) {
            Ok(read) => read,
            Err(warning) => {
                loaded.problems.push(warning);
                continue;
            }
        };
        let first = loaded.problems.len();
        loaded.problems.extend(checked.problems);
        loaded.files.push(input.name.clone());
        references.extend(
            checked
                .references
                .into_iter()
                .map(|(key, from, id, pos)| (input.name.clone(), key, from, id, pos)),
        );
        let label = origin_label(input);
        let Some(mut file) = checked.file else {
            continue;
        };
        if let Some(community) = &input.community {
            file.community.id = community.clone();
        }
        if let Role::Supplement = input.role {
            let written = parse(&input.text)
                .map(|root| Written::of(&root))
                .unwrap_or_default();
            clean_community(&mut file.community);
            file.groups.iter_mut().for_each(clean_group);
            // Only errors about a group the supplement adds stand; its absences are the
            // data's to fill.
            let registry = &loaded.registry;
            let new: Vec<bool> = file
                .groups
                .iter()
                .map(|g| registry.group(&g.id).is_none())
                .collect();
            loaded
                .problems
                .extend(checked.if_new.into_iter().filter_map(|d| {
                    let n = match d.about {
                        About::Community => return None,
                        About::Group(n) | About::Meeting(n, _) => n,
                    };
                    (d.problem.is_error() && new.get(n) == Some(&true)).then_some(d.problem)
                }));
            supplement::apply(&mut loaded.registry, file, &written, &label);
            continue;
        }
        let read = Read {
            name: &input.name,
            label: &label,
            positions: &checked.groups,
            items: &checked.items,
            root: checked.root.as_ref(),
        };
        let problems = merge(
            &mut loaded.registry,
            file,
            &read,
            checked.if_new,
            &mut places,
        );
        loaded.problems.extend(problems);
        if read.root.is_some() {
            // Our own file's problems in the order of its lines, wherever they were found.
            loaded.problems[first..].sort_by_key(|p| p.pos);
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

/// Reads an input; a synced copy that no longer reads gives way to the built-in snapshot it
/// replaced, with a warning naming the copy and its first error (the copy's own errors are not
/// the user's to fix, and must never stop townhall from starting).
fn read_synced(input: &Input) -> Result<(&Input, Checked), Problem> {
    let mut checked = read(input);
    if matches!(input.role, Role::Supplement) {
        checked
            .problems
            .retain(|p| p.is_error() || !health::is_about_absence(&p.message));
    }
    let Role::Synced(builtin) = &input.role else {
        return Ok((input, checked));
    };
    let groups = checked.file.as_ref().map_or(0, |f| f.groups.len());
    let first_error = checked.problems.iter().find(|p| p.is_error());
    if first_error.is_none() && groups > 0 {
        return Ok((input, checked));
    }
    let why = match first_error {
        Some(e) => format!("it no longer reads ({e})"),
        None => "it has no groups".to_string(),
    };
    let instead = match builtin {
        Some(_) => "the built-in snapshot is used instead",
        None => "its groups are left out",
    };
    let warning = Problem::warning(
        &input.name,
        None,
        format!("synced copy ignored: {why}; {instead} until the next `townhall sync`"),
    );
    let Some(builtin) = builtin else {
        return Err(warning);
    };
    let mut checked = read(builtin);
    checked.problems.insert(0, warning);
    Ok((builtin.as_ref(), checked))
}

/// Parses a file once, tells its format and reads it: our own format strictly, foreign ones
/// through `formats` and the same link-health checks our own files get in `validate`.
fn read(input: &Input) -> Checked {
    if input.markdown_format() == Some(Format::CloudFoundry) {
        return convert_input(input, Format::CloudFoundry, &input.origin);
    }
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
        Format::Townhall => {
            let mut checked = validate::check_root(&input.name, &root);
            checked.root = Some(root);
            checked
        }
        format => convert_root(&input.name, &root, format, &input.origin),
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

/// Like [`convert_file`] for an input that may carry linked pages (Cloud Foundry's).
pub fn convert_input(input: &Input, format: Format, origin: &Origin) -> Checked {
    match format {
        Format::CloudFoundry => finish(
            &input.name,
            cloudfoundry::convert(&input.name, &input.text, &input.linked, origin),
        ),
        _ => convert_file(&input.name, &input.text, format, origin),
    }
}

fn convert_root(name: &str, root: &Node, format: Format, origin: &Origin) -> Checked {
    finish(name, formats::convert(format, name, root, origin))
}

/// What every foreign file gets after conversion: its text cleaned and link health checked.
fn finish(name: &str, mut converted: formats::Converted) -> Checked {
    let mut problems = converted.problems;
    if let Some(file) = &mut converted.file {
        clean_community(&mut file.community);
        for (g, written) in file.groups.iter_mut().zip(&mut converted.written) {
            same_call::merge_repeats(&mut g.meetings, &mut written.meetings);
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
    problems.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
    Checked {
        groups: converted.written.iter().map(|w| w.group).collect(),
        items: (0..converted.written.len()).collect(),
        file: converted.file,
        problems,
        ..Checked::default()
    }
}

/// How one file was read, for merging it.
struct Read<'a> {
    /// The file as messages name it.
    name: &'a str,
    /// The file as `show --sources` names it.
    label: &'a str,
    /// Where each group was written.
    positions: &'a [Pos],
    /// Each group's place in the file's `groups` list.
    items: &'a [usize],
    /// The parsed file, for our own format (a foreign file's groups replace whole).
    root: Option<&'a Node>,
}

/// How `show --sources` names a file: built-in data and synced copies say so.
fn origin_label(input: &Input) -> String {
    match (&input.role, input.name.strip_suffix(" (built in)")) {
        (Role::Synced(_), _) => format!("synced copy {}", input.name),
        (_, Some(name)) => format!("built-in {name}"),
        (_, None) => input.name.clone(),
    }
}

/// Adds a file's community and groups. A group whose id is already loaded by the same
/// community is patched by a file in our format (`registry::patch`: a fix file keeps what
/// it doesn't name) and replaced by a foreign one; a group of another community may not take
/// the id over (a foreign file could otherwise replace a built-in group such as `cf-toc`), so
/// it is an error naming both places and the first group stays. Problems that hold only for
/// new things (`validate::IfNew`) are reported for what turned out new.
fn merge(
    registry: &mut Registry,
    file: CommunityFile,
    read: &Read,
    if_new: Vec<IfNew>,
    places: &mut HashMap<String, Place>,
) -> Vec<Problem> {
    let name = read.name;
    let mut problems = Vec::new();
    // By group, so a file of many new groups is not searched once per group.
    let mut by_group: HashMap<Option<usize>, Vec<IfNew>> = HashMap::new();
    for d in if_new {
        let group = match d.about {
            About::Community => None,
            About::Group(n) | About::Meeting(n, _) => Some(n),
        };
        by_group.entry(group).or_default().push(d);
    }
    let stands = |about: About, problems: &mut Vec<Problem>| {
        let group = match about {
            About::Community => None,
            About::Group(n) | About::Meeting(n, _) => Some(n),
        };
        let found = by_group
            .get(&group)
            .into_iter()
            .flatten()
            .filter(|d| match (d.about, about) {
                (About::Meeting(..), About::Group(_)) => true,
                (a, b) => a == b,
            });
        problems.extend(found.map(|d| d.problem.clone()));
    };
    let CommunityFile {
        mut community,
        groups,
    } = file;
    clean_community(&mut community);
    let community_id = community.id.clone();
    let community_node = read.root.and_then(|r| r.get("community"));
    match registry
        .communities
        .iter_mut()
        .find(|c| c.id == community.id)
    {
        Some(existing) => {
            let origins = registry
                .community_origins
                .entry(community_id.clone())
                .or_default();
            patch::community(existing, community, community_node, read.label, origins);
        }
        None => {
            stands(About::Community, &mut problems);
            registry
                .community_origins
                .insert(community_id.clone(), Origins::from(read.label));
            registry.communities.push(community);
        }
    }
    let index: HashMap<String, usize> = registry
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    let items = read.root.and_then(|r| r.get("groups"));
    for (n, mut group) in groups.into_iter().enumerate() {
        group.community = community_id.clone();
        clean_group(&mut group);
        let pos = read.positions.get(n).copied();
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
                let node = read
                    .items
                    .get(n)
                    .and_then(|&item| items.and_then(|list| list.index(item)));
                match node {
                    Some(node) => {
                        let origins = registry.origins.entry(group.id.clone()).or_default();
                        let added =
                            patch::group(&mut registry.groups[i], group, node, read.label, origins);
                        for meeting in added {
                            stands(About::Meeting(n, meeting), &mut problems);
                        }
                    }
                    None => {
                        registry
                            .origins
                            .insert(group.id.clone(), Origins::from(read.label));
                        registry.groups[i] = group;
                    }
                }
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
                stands(About::Group(n), &mut problems);
                registry
                    .origins
                    .insert(group.id.clone(), Origins::from(read.label));
                registry.groups.push(group);
            }
        }
    }
    problems
}
