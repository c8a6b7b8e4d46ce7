// Slack's markup to the site's markdown, rule by rule as the issue lists them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEmoji, mrkdwnToMarkdown } from '../../shared/slack';
import type { MrkdwnContext } from '../../shared/slack';

let ctx: MrkdwnContext;
beforeAll(async () => {
  ctx = { users: new Map([['U123', 'Ben Wilson'], ['W9', 'Ann Lee']]), channels: new Map([['C1', 'general']]), emoji: await loadEmoji() };
});
const md = (s: string) => mrkdwnToMarkdown(s, ctx).text;

describe('Slack mrkdwn to markdown', () => {
  it('names people, channels and channel-wide mentions', () => {
    expect(md('Hi <@U123>!')).toBe('Hi Ben Wilson!');
    expect(md('Hi <@U123|ben>')).toBe('Hi Ben Wilson');
    expect(md('Hi <@U777|someone>')).toBe('Hi someone');
    expect(md('Hi <@U777>')).toBe('Hi U777');
    expect(md('<@W9> in <#C1|general> and <#C1> and <#C2>')).toBe('Ann Lee in #general and #general and #C2');
    expect(md('<!here> <!channel> <!everyone> <!here|@here>')).toBe('@here @channel @everyone @here');
    expect(md('<!subteam^S1|@authors> and <!date^1392734382^{date}|Feb 18, 2014>')).toBe('@authors and Feb 18, 2014');
  });

  it('turns links into markdown links and addresses into text', () => {
    expect(md('see <https://example.com/a?b=1&amp;c=2|the page>')).toBe('see [the page](https://example.com/a?b=1&c=2)');
    expect(md('<https://example.com>')).toBe('[https://example.com](https://example.com)');
    expect(md('<mailto:a@b.org|a@b.org>')).toBe('a@b.org');
    expect(md('<mailto:a@b.org|write to me>')).toBe('[write to me](mailto:a@b.org)');
    expect(md('<https://en.wikipedia.org/wiki/Foo_(bar)|Foo [bar]>')).toBe('[Foo \\[bar\\]](https://en.wikipedia.org/wiki/Foo_(bar))');
    expect(md('<https://x.org/a)b|odd>')).toBe('[odd](<https://x.org/a)b>)');
  });

  it('converts bold, italic and strike between word boundaries only', () => {
    expect(md('*bold* _italic_ ~strike~')).toBe('**bold** *italic* ~~strike~~');
    expect(md('*_both_*')).toBe('***both***');
    expect(md('snake_case_name and 2*3*4 and a*b* and * not bold *')).toBe('snake_case_name and 2*3*4 and a*b* and * not bold *');
    expect(md('*bold over\ntwo lines*')).toBe('*bold over\ntwo lines*');
    expect(md('(_see_) "*this*"')).toBe('(*see*) "**this**"');
    expect(md('*see <https://x.org|this>*')).toBe('**see [this](https://x.org)**');
  });

  it('keeps code as written, entities decoded', () => {
    expect(md('run `a *b* &lt;c&gt; :smile:` now')).toBe('run `a *b* <c> :smile:` now');
    expect(md('```\nif a &amp;&amp; b:\n    _x_ = *y*\n```')).toBe('```\nif a && b:\n    _x_ = *y*\n```');
    expect(md('```<https://x.org>```')).toBe('```https://x.org```');
  });

  it('makes quotes of lines starting with &gt; and decodes the three entities after everything else', () => {
    expect(md('&gt; quoted\nnot &gt; quoted\n&gt;\n&gt;&gt; two')).toBe('> quoted\nnot > quoted\n>\n>> two');
    expect(md('Tom &amp; Jerry &lt;3 &amp;lt;')).toBe('Tom & Jerry <3 &lt;');
  });

  it('turns emoji codes into Unicode from the dataset, with skin tones; custom emoji stay and are reported', () => {
    expect(md(':+1: :thumbsup: :smile: :heart: :100:')).toBe('👍 👍 😄 ❤️ 💯');
    expect(md(':+1::skin-tone-3: :wave::skin-tone-6: :people_holding_hands::skin-tone-2:')).toBe('👍🏼 👋🏿 🧑🏻‍🤝‍🧑🏻');
    expect(md('thanks:pray:')).toBe('thanks🙏');
    const c = mrkdwnToMarkdown(':party-blob: and :matrix-parrot::skin-tone-2: :smile:', ctx);
    expect(c.text).toBe(':party-blob: and :matrix-parrot::skin-tone-2: 😄');
    expect(c.customEmoji).toEqual(['party-blob', 'matrix-parrot']);
  });

  it('leaves times, ratios and words with colons alone', () => {
    const c = mrkdwnToMarkdown('at 10:30:45, ratio 1:2:3, key:value:other', ctx);
    expect(c.text).toBe('at 10:30:45, ratio 1:2:3, key:value:other');
    expect(c.customEmoji).toEqual([]);
  });

  it('keeps line breaks and the private-use characters it uses inside', () => {
    expect(md('one\ntwo\n\nthree\r\n')).toBe('one\ntwo\n\nthree\r\n');
    expect(md('\uE0000\uE001 `\uE0001\uE001` *b*')).toBe('\uE0000\uE001 `\uE0001\uE001` **b**');
  });
});
