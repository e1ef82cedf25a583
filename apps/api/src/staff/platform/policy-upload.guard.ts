import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { of } from 'rxjs';

/** A saved policy page can be large; beyond this it is not a policy page but something else. */
export const MAX_POLICY_FILE_BYTES = 25 * 1024 * 1024;

const Multipart = FileInterceptor('policy', {
  limits: { fileSize: MAX_POLICY_FILE_BYTES, files: 1, fieldSize: 3 * 1024 * 1024 },
  defParamCharset: 'utf8',
});

/** Reads the new-import form with its policy file: the form token is one of its fields, so it is read first. */
@Injectable()
export class PolicyUploadGuard implements CanActivate {
  private readonly multipart = new Multipart();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.multipart.intercept(context, { handle: () => of(undefined) });
    return true;
  }
}
