//! The example's server: renders the settings page, serves the stylesheet and the wasm bundle.
//!
//! `cargo xtask start` (or `cargo xtask example`) builds the bundle into
//! `examples/settings/site/pkg` and starts this on http://127.0.0.1:3000 (`CRUST_ADDR` changes
//! the address); the built gallery (`book/build`) is served under `/book/`.
#![forbid(unsafe_code)]

use axum::Router;
use axum::http::header;
use axum::routing::get;
use crust_example::{App, shell};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};

#[tokio::main]
async fn main() {
    let site = std::env::var("CRUST_SITE")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/site").to_string());
    let addr = std::env::var("CRUST_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_string());
    // The gallery, when built (`cargo xtask start` builds it), is served beside the example.
    let book = std::env::var("CRUST_BOOK")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../book/build").to_string());
    let options = LeptosOptions::builder()
        .output_name("crust_example")
        .site_root(site.clone())
        .site_pkg_dir("pkg")
        .build();
    let routes = generate_route_list(App);
    let css = |body: &'static str| async move { ([(header::CONTENT_TYPE, "text/css")], body) };
    let app = Router::new()
        .route("/crust-ui.css", get(move || css(crust_ui::STYLESHEET)))
        .route(
            "/example.css",
            get(move || css(include_str!("../example.css"))),
        )
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(format!("{site}/pkg")),
        )
        .nest_service("/book", tower_http::services::ServeDir::new(book))
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .unwrap_or_else(|e| panic!("cannot listen on {addr}: {e}"));
    println!("crust example on http://{addr} (the gallery, when built, on http://{addr}/book/)");
    axum::serve(listener, app)
        .await
        .unwrap_or_else(|e| panic!("server stopped: {e}"));
}
