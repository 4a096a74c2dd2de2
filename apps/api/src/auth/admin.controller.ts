import { Body, Controller, Delete, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { ApiKeyStore, UserStore } from '@mdm/persistence';
import { UuidParam } from '../common/uuid-param.pipe';
import { Roles } from './decorators';
import { CreateApiKeyBody, CreateUserBody, UpdateUserBody } from './auth.dto';
import { createApiKey, createUser, presentApiKey, presentUser } from './accounts';
import { AUTH_DATA_SOURCE } from './auth.tokens';

/** Administration of access: the users who sign in and the API keys of systems. */
@Controller('admin')
@Roles('admin')
export class AdminController {
  constructor(@Inject(AUTH_DATA_SOURCE) private readonly db: DataSource) {}

  /** Creates a user; without a password, one is generated and returned in this answer only. */
  @Post('users')
  async addUser(@Body() body: CreateUserBody) {
    const { user, generatedPassword } = await createUser(this.db, body);
    return { ...presentUser(user), ...(generatedPassword ? { password: generatedPassword } : {}) };
  }

  @Get('users')
  async users() {
    return { items: (await new UserStore(this.db).list()).map(presentUser) };
  }

  /** Changes a user's roles, or disables (enables) it; effective at its next request. */
  @Patch('users/:id')
  async updateUser(@Param('id', new UuidParam('id')) id: string, @Body() body: UpdateUserBody) {
    const user = await new UserStore(this.db).update(id, { roles: body.roles && [...new Set(body.roles)], disabled: body.disabled });
    if (!user) throw new DomainError('USER_NOT_FOUND', `no user ${id}`);
    return presentUser(user);
  }

  /** Creates an API key; the key is in this answer only, the engine keeps its hash. */
  @Post('api-keys')
  async addApiKey(@Body() body: CreateApiKeyBody) {
    const { key, row } = await createApiKey(this.db, body);
    return { ...presentApiKey(row), key };
  }

  @Get('api-keys')
  async apiKeys() {
    return { items: (await new ApiKeyStore(this.db).list()).map(presentApiKey) };
  }

  /** Revokes an API key: it stops working at once. */
  @Delete('api-keys/:id')
  async revoke(@Param('id', new UuidParam('id')) id: string) {
    const row = await new ApiKeyStore(this.db).revoke(id, new Date());
    if (!row) throw new DomainError('API_KEY_NOT_FOUND', `no API key ${id}`);
    return presentApiKey(row);
  }
}
