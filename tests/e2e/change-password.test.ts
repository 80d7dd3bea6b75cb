import { hashPassword, verifyPassword } from '../../api/auth/password';
import { User } from '../../db/entities';
import { shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

const field = (name: string) => `input[name="${name}"]`;

describe('修改密码 (change password) in Chinese', () => {
  it('a user signed in with a one-time password sees only the change-password page until a password of their own is set', async () => {
    const oneTime = 'abcde-fghij-kmnpq-rstuv';
    const em = stack.orm.em.fork();
    em.create(User, { username: 'newadmin', displayName: '新管理员', role: 'admin', passwordHash: await hashPassword(oneTime), mustChangePassword: true });
    await em.flush();

    const { page } = await stack.as('newadmin', { password: oneTime });
    await page.getByText('您使用的是一次性密码登录').waitFor();
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    // Any other page is the same form.
    await page.goto(stack.baseUrl + '/#/tickets');
    await page.getByText('您使用的是一次性密码登录').waitFor();
    await shot(page, 'change-password-1-forced');

    await page.locator(field('currentPassword')).fill(oneTime);
    await page.locator(field('newPassword')).fill('我的新密码 2026 abc');
    await page.locator(field('confirmPassword')).fill('我的新密码 2026 abd');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();

    // The server's refusal, under its field, in Chinese.
    await page.locator(field('currentPassword')).fill('不是当前密码');
    await page.locator(field('confirmPassword')).fill('我的新密码 2026 abc');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('当前密码不正确').waitFor();
    await shot(page, 'change-password-2-wrong-current');

    await page.locator(field('currentPassword')).fill(oneTime);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他登录已失效').waitFor();
    await page.getByText('您好，新管理员').waitFor();
    await page.getByRole('menuitem', { name: '用户' }).waitFor();
    await shot(page, 'change-password-3-done');

    const row = await stack.orm.em.fork().findOneOrFail(User, { username: 'newadmin' });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword('我的新密码 2026 abc', row.passwordHash)).toBe(true);
  });

  it('any user reaches it from the user menu', async () => {
    const { page } = await stack.as('engineer');
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL(/#\/change-password/);
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    expect(await page.getByText('您使用的是一次性密码登录').count()).toBe(0);
    await shot(page, 'change-password-4-from-menu');
  });
});
