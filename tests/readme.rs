//! The README reproduces the zone-abbreviation table; this keeps the two from drifting apart.

use townhall::schedule::ZONE_ABBREVIATIONS;

#[test]
fn every_abbreviation_is_in_the_readme_table_beside_its_zone() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let rows: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
    let mut missing = Vec::new();
    for a in ZONE_ABBREVIATIONS {
        let listed = rows.iter().any(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            cells.len() > 2
                && cells[1].contains(&format!("`{}`", a.zone))
                && cells[2].split([',', ';']).any(|name| name.trim() == a.name)
        });
        if !listed {
            missing.push(format!("{} → {}", a.name, a.zone));
        }
    }
    assert!(missing.is_empty(), "not in the README table: {missing:?}");
}
