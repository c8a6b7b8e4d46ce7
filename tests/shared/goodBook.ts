// A small made-up book that breaks no rule: each validation and fix test breaks one thing in it.
export const GOOD_BOOK = `---
title: "A Book"
description: "Book of the Week. A Book by Ann Author and Sara Robinson"
cover: "images/books/20210705-a-book/cover.jpg"
image: "images/books/20210705-a-book/preview.jpg"
start: 2021-07-05 00:00:00
end: 2021-07-09 23:59:59
authors: [annauthor, Sara Robinson]
links:
  - text: Book's page
    link: https://example.org/book
archive:
- name: Tino
  text: A question?
  replies:
  - name: Ann Author
    text: An answer.
---

Body.
`;
