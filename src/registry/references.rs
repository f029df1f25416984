//! Checks across files, once everything is loaded: `successor` and `parent` must name a known
//! group other than the group itself, and following them must never come back round (a
//! renamed group whose successor was renamed back to it would send `n` in circles, and a
//! parent cycle has no top).

use std::collections::HashMap;

use crate::model::{Group, Pos, Problem};

/// Where something was written: the file as named in messages, and the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub pos: Pos,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.pos.line, self.pos.column)
    }
}

/// The groups' `successor` and `parent` chains, each checked for self-references and cycles.
/// `written` says where each (group id, key) was written; `groups` where each group was.
pub fn cycles(
    groups: &[Group],
    written: &HashMap<(String, &'static str), Place>,
    places: &HashMap<String, Place>,
) -> Vec<Problem> {
    let index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let mut problems = Vec::new();
    for key in ["successor", "parent"] {
        let next = |i: usize| -> Option<usize> {
            let g: &Group = &groups[i];
            let id = if key == "successor" {
                &g.successor
            } else {
                &g.parent
            };
            id.as_deref().and_then(|id| index.get(id).copied())
        };
        let place = |i: usize| {
            let id = &groups[i].id;
            written
                .get(&(id.clone(), key))
                .or_else(|| places.get(id))
                .cloned()
        };
        // Each group has at most one next group, so one walk per unvisited group finds every
        // cycle in linear time: a walk that meets its own trail has closed a loop.
        let mut walk_of = vec![usize::MAX; groups.len()];
        for start in 0..groups.len() {
            let mut trail = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                if walk_of[i] != usize::MAX {
                    if walk_of[i] == start {
                        let from = trail.iter().position(|&t| t == i).unwrap_or(0);
                        problems.push(cycle(groups, key, &trail[from..], &place));
                    }
                    break;
                }
                walk_of[i] = start;
                trail.push(i);
                at = next(i);
            }
        }
    }
    problems
}

fn cycle(
    groups: &[Group],
    key: &str,
    members: &[usize],
    place: &impl Fn(usize) -> Option<Place>,
) -> Problem {
    let first = members[0];
    let here = place(first);
    let (file, pos) = here.map_or((String::new(), None), |p| (p.file, Some(p.pos)));
    let g = &groups[first];
    if members.len() == 1 {
        return Problem::error(
            &file,
            pos,
            format!("{key} of `{}` is the group itself", g.id),
        );
    }
    let mut path: Vec<&str> = members.iter().map(|&i| groups[i].id.as_str()).collect();
    path.push(&g.id);
    let last = members[members.len() - 1];
    let back = place(last).map_or_else(String::new, |p| {
        format!(" ({}'s {key} is at {p})", groups[last].id)
    });
    Problem::error(
        &file,
        pos,
        format!("{key}s go round in a circle: {}{back}", path.join(" → ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, successor: Option<&str>) -> Group {
        Group {
            id: id.into(),
            successor: successor.map(String::from),
            ..Group::default()
        }
    }

    fn at(line: usize) -> Place {
        Place {
            file: "r.yaml".into(),
            pos: Pos { line, column: 3 },
        }
    }

    #[test]
    fn a_cycle_is_reported_once_naming_both_ends() {
        let groups = [
            group("a", Some("b")),
            group("b", Some("a")),
            group("c", Some("a")),
        ];
        let written = HashMap::from([
            (("a".to_string(), "successor"), at(4)),
            (("b".to_string(), "successor"), at(9)),
        ]);
        let problems = cycles(&groups, &written, &HashMap::new());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "r.yaml:4:3: successors go round in a circle: a → b → a (b's successor is at r.yaml:9:3)"
            ]
        );
    }

    #[test]
    fn a_group_naming_itself_is_an_error() {
        let groups = [group("a", Some("a"))];
        let places = HashMap::from([("a".to_string(), at(2))]);
        let problems = cycles(&groups, &HashMap::new(), &places);
        assert_eq!(
            problems[0].to_string(),
            "r.yaml:2:3: successor of `a` is the group itself"
        );
    }

    #[test]
    fn chains_without_cycles_are_fine() {
        let groups = [
            group("a", Some("b")),
            group("b", Some("c")),
            group("c", None),
        ];
        assert!(cycles(&groups, &HashMap::new(), &HashMap::new()).is_empty());
    }
}
