//! Which community calendars a command reads: the synced copy of each calendar source
//! (`townhall sync`), unless the user gave that community a calendar of their own: every
//! `COMMUNITY.ics` in the config folder's `calendars/`, then each `--calendar
//! [COMMUNITY=]PATH`. A file that isn't a calendar is skipped with a message; problems inside
//! one are warnings `path:line: message`, shown by `townhall validate`.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::agenda::{Calendars, Feed};
use crate::calendar::Calendar;
use crate::calendar::limits::MAX_BYTES;
use crate::model::Registry;
use crate::sources::store::SyncedCalendar;

/// A `--calendar` value: the community it belongs to (else the file's stem), and the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarArg {
    pub community: Option<String>,
    pub path: PathBuf,
}

pub fn parse_arg(s: &str) -> Result<CalendarArg, String> {
    match s.split_once('=') {
        Some((community, path)) if !community.is_empty() && !community.contains(['/', '\\']) => {
            if path.is_empty() {
                return Err(format!("`{s}`: no file after `=`"));
            }
            Ok(CalendarArg {
                community: Some(community.to_owned()),
                path: PathBuf::from(path),
            })
        }
        _ => Ok(CalendarArg {
            community: None,
            path: PathBuf::from(s),
        }),
    }
}

/// The folder of calendar copies, one `COMMUNITY.ics` each.
pub fn folder(config: &Path) -> PathBuf {
    config.join("calendars")
}

/// Reads the calendars and attaches those of loaded communities to `registry`. Returns the
/// calendars and the messages for stderr (files that couldn't be read or used at all).
pub fn load(
    registry: &mut Registry,
    config: &Path,
    synced: &[SyncedCalendar],
    args: &[CalendarArg],
    now: jiff::Timestamp,
) -> (Calendars, Vec<String>) {
    let mut wanted: Vec<CalendarArg> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(folder(config)) {
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ics")))
            .collect();
        paths.sort();
        wanted.extend(paths.into_iter().map(|path| CalendarArg {
            community: None,
            path,
        }));
    }
    wanted.extend(args.iter().cloned());
    // A calendar of the user's own for a community stands in for the synced one: reading
    // both would list every meeting twice.
    let own: Vec<String> = wanted.iter().filter_map(community_of).collect();
    let synced = synced
        .iter()
        .filter(|s| !own.contains(&s.community))
        .map(|s| CalendarArg {
            community: Some(s.community.clone()),
            path: s.path.clone(),
        });
    let wanted: Vec<CalendarArg> = synced.chain(wanted).collect();
    let mut feeds = Vec::new();
    let mut messages = Vec::new();
    for arg in wanted {
        let name = arg.path.display().to_string();
        let Some(community) = community_of(&arg).filter(|c| registry.community(c).is_some()) else {
            messages.push(format!(
                "townhall: {name}: no loaded community for this calendar (name it: --calendar COMMUNITY={name})"
            ));
            continue;
        };
        match read(&arg.path) {
            Ok(calendar) => feeds.push(Feed {
                name,
                community,
                calendar,
            }),
            Err(why) => messages.push(format!("townhall: {name}: {why}; not used")),
        }
    }
    (Calendars::attach(registry, feeds, now), messages)
}

/// The community a calendar is for: as named, else the file's stem (`kubernetes.ics`).
fn community_of(arg: &CalendarArg) -> Option<String> {
    arg.community.clone().or_else(|| {
        arg.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    })
}

/// A calendar file, read no further than a calendar may be long.
fn read(path: &Path) -> Result<Calendar, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Calendar::read(&bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arguments_name_their_community_or_not() {
        assert_eq!(
            parse_arg("kubernetes=cal/k8s.ics").unwrap(),
            CalendarArg {
                community: Some("kubernetes".into()),
                path: "cal/k8s.ics".into()
            }
        );
        assert_eq!(parse_arg("dir/kubernetes.ics").unwrap().community, None);
        assert_eq!(
            parse_arg("a/b=c.ics").unwrap().community,
            None,
            "a path with ="
        );
        assert!(parse_arg("kubernetes=").is_err());
    }
}
