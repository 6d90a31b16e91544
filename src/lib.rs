//! Common Ground: the LGA / Locality self-assessment for partnership working
//! between a council and its local voluntary and community sector.

pub mod bot;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod prompts;
pub mod report;
pub mod service;
pub mod telemetry;
