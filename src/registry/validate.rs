//! Checks one registry file in our own format and reports every problem with its position.
//!
//! Structure and types come from serde (through the positioned tree), so a typo such as
//! `misson:` or a list where text belongs is caught there; the checks here are about values:
//! empty names, duplicate ids, links, dates, time zones and schedules.

use std::cell::RefCell;
use std::collections::HashMap;

use super::health::{self, Spot};
use crate::links;
use crate::model::Problem;
use crate::model::{Community, CommunityFile, Group, Link, Meeting, Project, Rule, When};
use crate::untrusted::is_unsafe;
use crate::yaml::de::{UnknownKey, from_node};
use crate::yaml::keys::closest;
use crate::yaml::node::{Node, Pos, SyntaxError, Value, parse};

/// What checking one file found: the groups that could be read, and every problem.
#[derive(Debug, Default)]
pub struct Checked {
    pub file: Option<CommunityFile>,
    pub problems: Vec<Problem>,
    /// Group ids named by `successor` or `parent`, to resolve once every file is loaded:
    /// (the key, the group it is in, the id named, where it was written).
    pub references: Vec<(&'static str, String, String, Pos)>,
    /// Where each group of `file` was written (its id), in order, so a clash with a group of
    /// another file can name both places.
    pub groups: Vec<Pos>,
    /// Each group's place in the file's `groups` list (a group that could not be read is
    /// left out of `file`), so loading can find what a patch wrote.
    pub items: Vec<usize>,
    /// Problems that hold only for what turns out to be new: a group with no `name` is a
    /// fine patch of a loaded group but no group of its own.
    pub if_new: Vec<IfNew>,
    /// The parsed file, for our own format: loading reads from it what a patch wrote.
    pub root: Option<Node>,
}

/// A problem that stands when its group (or its meeting, or the community) is not one
/// already loaded, which only loading knows.
#[derive(Debug, Clone)]
pub struct IfNew {
    pub about: About,
    pub problem: Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Community,
    /// The group at this index of the file.
    Group(usize),
    /// A group's meeting, by index in the file.
    Meeting(usize, usize),
}

/// Reads and checks `text` on its own, naming `file` in every message: everything in it
/// counts as new.
pub fn check(file: &str, text: &str) -> Checked {
    match parse(text) {
        Ok(root) => {
            let mut checked = check_root(file, &root);
            let if_new = std::mem::take(&mut checked.if_new);
            checked
                .problems
                .extend(if_new.into_iter().map(|d| d.problem));
            checked.problems.sort_by_key(|p| p.pos);
            checked
        }
        Err(e) => Checked {
            problems: vec![syntax_error(file, &e)],
            ..Checked::default()
        },
    }
}

pub fn syntax_error(file: &str, e: &SyntaxError) -> Problem {
    Problem::error(
        file,
        Some(e.pos),
        format!("YAML syntax error: {}", e.message),
    )
}

/// Checks a file already parsed (loading parses once to tell the format first).
pub fn check_root(file: &str, root: &Node) -> Checked {
    let mut checker = Checker {
        file,
        problems: Vec::new(),
        references: Vec::new(),
        if_new: Vec::new(),
        about: About::Community,
    };
    let (file, places) = checker.read(root).unzip();
    let (groups, items) = places.unwrap_or_default().into_iter().unzip();
    checker.problems.sort_by_key(|p| p.pos);
    Checked {
        file,
        groups,
        items,
        problems: checker.problems,
        references: checker.references,
        if_new: checker.if_new,
        root: None,
    }
}

/// A place in the tree, falling back to the nearest enclosing position when a key is absent.
#[derive(Clone, Copy)]
struct At<'a> {
    node: Option<&'a Node>,
    pos: Pos,
}

impl<'a> At<'a> {
    fn of(node: Option<&'a Node>, fallback: Pos) -> At<'a> {
        At {
            node,
            pos: node.map_or(fallback, |n| n.pos),
        }
    }

    fn key(self, key: &str) -> At<'a> {
        At::of(self.node.and_then(|n| n.get(key)), self.pos)
    }

    fn idx(self, i: usize) -> At<'a> {
        At::of(self.node.and_then(|n| n.index(i)), self.pos)
    }
}

struct Checker<'f> {
    file: &'f str,
    problems: Vec<Problem>,
    references: Vec<(&'static str, String, String, Pos)>,
    if_new: Vec<IfNew>,
    /// What is being checked, for problems that hold only if it is new.
    about: About,
}

impl Checker<'_> {
    /// A problem that stands only if what is being checked is not already loaded.
    fn if_new(&mut self, problem: Problem) {
        self.if_new.push(IfNew {
            about: self.about,
            problem,
        });
    }

    /// `name` must be given unless the thing is a patch (then loading decides), and must not
    /// be empty when given.
    fn required(&mut self, what: &str, key: &str, value: &str, at: At) {
        if at.node.is_some_and(|n| n.get(key).is_some()) {
            self.name(what, value, at.key(key));
        } else {
            let message = format!(
                "missing key `{key}` ({what}; only a patch of a loaded one may leave it out)"
            );
            self.if_new(Problem::error(self.file, Some(at.pos), message));
        }
    }

    fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::error(self.file, Some(pos), message));
    }

    fn warn(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(self.file, Some(pos), message));
    }

    /// Deserializes the community and each group on its own, so one group's type error does
    /// not hide the problems of the others.
    fn read(&mut self, root: &Node) -> Option<(CommunityFile, Vec<(Pos, usize)>)> {
        let unknown = RefCell::new(Vec::new());
        self.top_level_keys(root, &unknown);
        let community = match root.get("community") {
            None => {
                self.error(
                    root.pos,
                    "missing key `community` (the file's community: id, name, links)",
                );
                None
            }
            Some(node) => self.typed::<Community>(node, &unknown),
        };
        let mut groups = Vec::new();
        match root.get("groups") {
            Some(node) if node.is_null() => {}
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => {
                let read = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| Some((i, item, self.typed::<Group>(item, &unknown)?)));
                groups.extend(read);
            }
            Some(node) => self.error(
                node.pos,
                format!("`groups` must be a list, found {}", node.describe()),
            ),
            None => {}
        }
        for u in unknown.into_inner() {
            self.unknown_key(u);
        }
        let community = community?;
        self.community(&community, At::of(root.get("community"), root.pos));
        self.groups(&mut groups);
        let places = groups
            .iter()
            .map(|(i, node, _)| (node.get("id").map_or(node.pos, |id| id.pos), *i))
            .collect();
        let groups = groups.into_iter().map(|(_, _, g)| g).collect();
        Some((CommunityFile { community, groups }, places))
    }

    fn top_level_keys(&mut self, root: &Node, unknown: &RefCell<Vec<UnknownKey>>) {
        const TOP: &[&str] = &["community", "groups"];
        if let Value::Map(entries) = &root.value {
            for (key, _) in entries {
                if let Some(k) = key.as_str().filter(|k| !TOP.contains(k)) {
                    unknown.borrow_mut().push(UnknownKey {
                        pos: key.pos,
                        key: k.to_string(),
                        expected: TOP,
                    });
                }
            }
        } else {
            self.error(
                root.pos,
                format!(
                    "expected a mapping with `community` and `groups`, found {}",
                    root.describe()
                ),
            );
        }
    }

    fn typed<'a, T: serde::Deserialize<'a>>(
        &mut self,
        node: &'a Node,
        unknown: &RefCell<Vec<UnknownKey>>,
    ) -> Option<T> {
        match from_node::<T>(node, unknown) {
            Ok(value) => Some(value),
            Err(e) => {
                self.error(e.pos.unwrap_or(node.pos), e.message);
                None
            }
        }
    }

    fn unknown_key(&mut self, u: UnknownKey) {
        let hint = closest(&u.key, u.expected)
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_else(|| format!(" (expected one of: {})", u.expected.join(", ")));
        self.error(u.pos, format!("unknown key `{}`{hint}", u.key));
    }

    fn community(&mut self, c: &Community, at: At) {
        self.about = About::Community;
        self.id("community id", &c.id, at.key("id"));
        self.required("community name", "name", &c.name, at);
        self.opt_url(c.homepage.as_deref(), at.key("homepage"));
        self.links(&c.links, at.key("links"));
    }

    /// Each group comes with the node it was read from (groups that could not be read are
    /// already reported and absent here).
    fn groups(&mut self, groups: &mut [(usize, &Node, Group)]) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, (_, node, g)) in groups.iter_mut().enumerate() {
            self.about = About::Group(n);
            let at = At::of(Some(node), node.pos);
            if let Some(first) = seen.insert(g.id.clone(), at.key("id").pos.line) {
                let message = format!(
                    "duplicate group id `{}` (first defined on line {first})",
                    g.id
                );
                self.error(at.key("id").pos, message);
            }
            self.group(g, at);
        }
    }

    fn group(&mut self, g: &mut Group, at: At) {
        self.id("group id", &g.id, at.key("id"));
        self.required("group name", "name", &g.name, at);
        for (key, id) in [("successor", &g.successor), ("parent", &g.parent)] {
            if let Some(id) = id {
                let reference = (key, g.id.clone(), id.clone(), at.key(key).pos);
                self.references.push(reference);
            }
        }
        if let Some(d) = &g.status_date {
            self.date(d, at.key("status_date"));
        }
        for (text, key) in [(&g.mission, "mission"), (&g.status_note, "status_note")] {
            if let Some(t) = text {
                self.text(t, at.key(key));
            }
        }
        for (i, goal) in g.goals.iter().enumerate() {
            self.text(goal, at.key("goals").idx(i));
        }
        for (i, lead) in g.leads.iter().enumerate() {
            let at = at.key("leads").idx(i);
            self.name("lead name", &lead.name, at.key("name"));
            if let Some(handle) = &lead.github {
                self.handle(handle, at.key("github"));
            }
        }
        for (i, chat) in g.chat.iter().enumerate() {
            let at = at.key("chat").idx(i);
            self.name("chat channel", &chat.channel, at.key("channel"));
            self.opt_url(chat.url.as_deref(), at.key("url"));
        }
        self.links(&g.mailing_lists, at.key("mailing_lists"));
        let group = self.about;
        for (i, m) in g.meetings.iter_mut().enumerate() {
            if let About::Group(n) = group {
                self.about = About::Meeting(n, i);
            }
            self.meeting(m, at.key("meetings").idx(i));
        }
        self.about = group;
        for (i, p) in g.projects.iter().enumerate() {
            self.project(p, at.key("projects").idx(i));
        }
        self.links(&g.links, at.key("links"));
        for finding in health::check(g) {
            let pos = match finding.spot {
                Spot::Group => at.key("id").pos,
                Spot::Meeting(i) => at.key("meetings").idx(i).pos,
            };
            if health::is_about_absence(&finding.message) {
                // A patch that leaves the meetings or chat out keeps the loaded ones.
                let warning = Problem::warning(self.file, Some(pos), finding.message);
                self.if_new(warning);
            } else {
                self.warn(pos, finding.message);
            }
        }
    }

    /// Checks the meeting and stores its checked schedule, the only time it is read.
    fn meeting(&mut self, m: &mut Meeting, at: At) {
        let written = |key: &str| at.node.is_some_and(|n| n.get(key).is_some());
        if let Some(id) = &m.id {
            self.name("meeting id", id, at.key("id"));
        } else if !written("title") {
            let message = "missing key `title` (or an `id` naming the meeting this patches)";
            self.error(at.pos, message);
        }
        if written("id") && !written("title") {
            self.required("meeting title", "title", &m.title, at);
        } else if written("title") {
            self.name("meeting title", &m.title, at.key("title"));
        }
        self.required("published meeting time", "published", &m.published, at);
        for (url, key) in [
            (&m.join, "join"),
            (&m.international, "international"),
            (&m.notes, "notes"),
            (&m.calendar, "calendar"),
        ] {
            self.opt_url(url.as_deref(), at.key(key));
        }
        for (i, url) in m.recordings.iter().enumerate() {
            self.url(url, at.key("recordings").idx(i));
        }
        for (key, phones) in [("one_tap", &m.one_tap), ("dial_in", &m.dial_in)] {
            for (i, phone) in phones.iter().enumerate() {
                self.name(
                    "phone number",
                    &phone.number,
                    at.key(key).idx(i).key("number"),
                );
            }
        }
        self.links(&m.links, at.key("links"));
        if m.schedule.is_none() {
            let message = "meeting has no `schedule`: townhall can show its time only as published, not when it next is";
            let warning = Problem::warning(self.file, Some(at.key("published").pos), message);
            self.if_new(warning);
        }
        if let Some(spec) = &m.schedule {
            let at = at.key("schedule");
            m.when = match Rule::from_spec(spec) {
                Err(e) => {
                    self.error(at.key(e.key(spec)).pos, e.to_string());
                    When::Unreadable(e.to_string())
                }
                Ok(rule) => {
                    if rule.weeks_unknown() {
                        let message = "townhall can't tell which weeks this meeting is on, so it shows every week as possible; add `anchor: YYYY-MM-DD` (the date of one meeting)";
                        self.warn(at.key("interval").pos, message);
                    }
                    When::Rule(rule)
                }
            };
        }
    }

    fn project(&mut self, p: &Project, at: At) {
        self.name("project name", &p.name, at.key("name"));
        self.opt_url(p.url.as_deref(), at.key("url"));
        if let Some(d) = &p.description {
            self.text(d, at.key("description"));
        }
        for (i, repo) in p.repos.iter().enumerate() {
            let valid = repo.split('/').count() == 2
                && repo.split('/').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                });
            if !valid {
                self.error(
                    at.key("repos").idx(i).pos,
                    format!("repo {repo:?} is not `owner/name`"),
                );
            }
        }
    }

    fn links(&mut self, links: &[Link], at: At) {
        for (i, link) in links.iter().enumerate() {
            let at = at.idx(i);
            self.name("link title", &link.title, at.key("title"));
            self.url(&link.url, at.key("url"));
        }
    }

    fn id(&mut self, what: &str, id: &str, at: At) {
        if id.trim().is_empty() {
            self.error(at.pos, format!("empty {what}"));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            self.error(
                at.pos,
                format!("{what} {id:?} may only use letters, digits, `-`, `_` and `.`"),
            );
        }
    }

    fn name(&mut self, what: &str, name: &str, at: At) {
        if name.trim().is_empty() {
            self.error(at.pos, format!("empty {what}"));
        } else {
            self.text(name, at);
        }
    }

    /// Unsafe characters are removed at load time; saying so keeps that from being silent.
    fn text(&mut self, text: &str, at: At) {
        if let Some(c) = text.chars().find(|&c| is_unsafe(c)) {
            self.warn(
                at.pos,
                format!(
                    "text contains the control or invisible character {:?}; it will be removed",
                    c
                ),
            );
        }
    }

    fn handle(&mut self, handle: &str, at: At) {
        let valid = !handle.is_empty()
            && handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid {
            self.error(
                at.pos,
                format!("GitHub handle {handle:?} should be letters, digits and `-` only (no `@`)"),
            );
        }
    }

    fn date(&mut self, text: &str, at: At) {
        if text.parse::<jiff::civil::Date>().is_err() {
            self.error(at.pos, format!("{text:?} is not a date (YYYY-MM-DD)"));
        }
    }

    fn opt_url(&mut self, url: Option<&str>, at: At) {
        if let Some(url) = url {
            self.url(url, at);
        }
    }

    fn url(&mut self, url: &str, at: At) {
        if let Err(e) = links::check(url) {
            self.error(at.pos, e.to_string());
        }
    }
}
